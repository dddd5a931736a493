package org.rnnexplorer.ui.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.ChartFormat;
import org.rnnexplorer.chart.TextHeatmapExport;
import org.rnnexplorer.chart.TextHeatmapHtml;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.export.Exporter;

/**
 * The "Text" tab: the whole input as wrapped text coloured by the selected unit ({@link TextCanvasView}), the
 * quantity it shows and the bands under it above, the legend and the value under the mouse below, and the unit
 * finder beside it. Export: the lines in view as PNG, SVG or PDF, the whole text as a self-contained web page.
 */
public final class TextTab extends BorderPane {
    private final TextViewModel vm;
    private final TextCanvasView text;
    private final UnitFinderPanel finder;
    private final Exporter exporter;

    private TextTab(TextViewModel vm, UnitFinderViewModel finderVm, DialogService dialogs) {
        this.vm = vm;
        this.exporter = new Exporter(dialogs);
        getStyleClass().add("text-tab");
        text = new TextCanvasView(vm);
        finder = new UnitFinderPanel(finderVm, vm);

        ChoiceBox<Quantity> quantity = new ChoiceBox<>();
        quantity.setId("text-quantity");
        quantity.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quantity q) { return q == null ? "" : q.label(); }

            @Override
            public Quantity fromString(String s) { return null; }
        });
        vm.trace().modelProperty().addListener((o, a, m) -> fill(quantity, m));
        fill(quantity, vm.trace().modelProperty().get());
        quantity.valueProperty().bindBidirectional(vm.quantityProperty());
        Label unit = new Label();
        unit.getStyleClass().add("text-unit");
        unit.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "layer " + (vm.trace().layerProperty().get() + 1) + ", unit " + vm.trace().unitProperty().get(),
                vm.trace().layerProperty(), vm.trace().unitProperty()));
        Button add = new Button("Add as band");
        add.setId("text-add-band");
        add.setOnAction(e -> vm.addSelectedAsRow());
        add.setTooltip(new Tooltip("Keep the selected unit as a band under each line, then choose another unit"));
        quantity.setTooltip(new Tooltip("What colours the text: h, the cell state C or a gate of the selected unit"));
        Button clear = new Button("Clear bands");
        clear.setOnAction(e -> vm.extraRows().clear());
        clear.setTooltip(new Tooltip("Remove the bands under the lines"));
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.extraRows()));
        ToolBar bar = new ToolBar(new Label("Colour by"), quantity, new Label("of"), unit, add, clear, exportMenu());
        setTop(bar);

        SplitPane split = new SplitPane(text, finder);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(finder, false);
        setCenter(split);

        Label hover = new Label();
        hover.setId("text-hover");
        hover.textProperty().bind(vm.hoverTextProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        VBox bottom = new VBox(2, new RowLegend(vm), hover, status);
        bottom.setPadding(new Insets(2, 8, 4, 8));
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);
        vm.hoverTextProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) vm.trace().hoverTextProperty().set(b);
        });
    }

    /** The tab, its content built at once (the text view is virtualised, so an idle tab costs nothing). */
    public static Tab of(TextViewModel vm, UnitFinderViewModel finder, DialogService dialogs) {
        Tab tab = new Tab("Text", new TextTab(vm, finder, dialogs));
        tab.setId("text-tab");
        return tab;
    }

    private static void fill(ChoiceBox<Quantity> box, RnnModel m) {
        if (m == null) return;
        List<Quantity> all = Quantity.all(m.cell());
        if (!box.getItems().equals(all)) box.getItems().setAll(all);
    }

    private MenuButton exportMenu() {
        MenuButton m = new MenuButton("Export");
        m.setId("text-export");
        m.setTooltip(new Tooltip("Save the lines in view as a picture, or the whole text as a web page"));
        for (ChartFormat f : ChartFormat.values()) {
            MenuItem item = new MenuItem("Lines in view as " + f.name().replace("_2X", " 2x"));
            item.setId("export-text-" + f.name().toLowerCase());
            item.setOnAction(e -> exportPicture(f));
            m.getItems().add(item);
        }
        MenuItem html = new MenuItem("Whole text as a web page (HTML)");
        html.setId("export-text-html");
        html.setOnAction(e -> exportHtml());
        m.getItems().add(html);
        return m;
    }

    /** The lines in view as a picture (written off the FX thread). */
    public void exportPicture(ChartFormat f) {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null) return;
        TextHeatmapExport.View view = new TextHeatmapExport.View(title(c), c.wrap(), c.rows(), text.firstVisibleLine(),
                text.visibleLines(), text.marks());
        String name = "text-" + c.series().get(0).label() + (f == ChartFormat.PNG_2X ? "@2x" : "") + "." + f.extension();
        exporter.exportBytes("Save the text view as " + f.extension().toUpperCase(), name, f.extension(),
                () -> TextHeatmapExport.bytes(text.painter(), view, f));
    }

    /** The whole text, every row, as one self-contained web page. */
    public void exportHtml() {
        TextViewModel.Content c = vm.contentProperty().get();
        if (c == null) return;
        String title = title(c);
        exporter.exportBytes("Save the text view as a web page", "text-" + c.series().get(0).label() + ".html", "html",
                () -> TextHeatmapHtml.page(title, c.source().tokens(), c.rows()).getBytes(StandardCharsets.UTF_8));
    }

    private String title(TextViewModel.Content c) {
        return vm.trace().sourceProperty().get() == null ? "Text view"
                : vm.trace().sourceProperty().get().title() + ": " + c.series().get(0).label() + ", "
                + c.series().get(0).quantity().label();
    }

    public TextCanvasView textView() { return text; }

    public Exporter exporter() { return exporter; }
}
