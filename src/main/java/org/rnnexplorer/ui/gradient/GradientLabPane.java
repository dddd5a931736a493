package org.rnnexplorer.ui.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.chart.GateChart;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.FxDialogService;
import org.rnnexplorer.ui.export.Exporter;

/**
 * The gradient lab: the gradient-over-time chart of the current model and input with the what-if sliders under it
 * (recurrent-weight scale, forget/update-gate bias, sequence length), a one-line reading, a compare toggle (RNN, LSTM
 * and GRU of the same size), and tabs with the gate activations of the selected units and the saturation bars. The
 * Export menu saves each chart (PNG, PNG 2x, SVG, PDF), the pane as PNG, and the trace (CSV, JSON).
 *
 * <p>Embed it with a {@link GradientLabViewModel}: {@code new GradientLabPane(vm)}, then {@code vm.show(model, input,
 * tokens)} whenever the window's model or input changes, and bind {@code vm.unitsProperty()} to the selected unit.
 */
public final class GradientLabPane extends BorderPane {
    /** A step-through GIF shows at most this many steps, {@link #GIF_DELAY_MS} each. */
    static final int GIF_STEPS = 120;
    static final int GIF_DELAY_MS = 300;

    /** The style classes that colour the reading by its verdict (see gradient-lab.css). */
    private static final List<String> VERDICT_CLASSES = List.of("vanishing", "kept", "exploding");

    private final GradientLabViewModel vm;
    private final LabSliders sliders;
    private final Exporter exporter;
    private final ChartViewer gradientViewer = new ChartViewer();
    private final ChartViewer saturationViewer = new ChartViewer();
    private final GridPane gateGrid = new GridPane();
    private final List<ChartViewer> gateViewers = new ArrayList<>();
    private final Label reading = new Label();
    private final Label error = new Label();
    private final ToggleButton compare = new ToggleButton("Compare RNN · LSTM · GRU");
    private final TabPane tabs = new TabPane();
    private final TextField unitsField = new TextField();

    /** The lab on {@code vm}; files are chosen and errors shown in JavaFX dialogs over this pane's window. */
    public GradientLabPane(GradientLabViewModel vm) {
        this(vm, null);
    }

    /** The lab on {@code vm}, asking for files through {@code dialogs} (null: JavaFX dialogs). */
    public GradientLabPane(GradientLabViewModel vm, DialogService dialogs) {
        this.vm = vm;
        exporter = new Exporter(dialogs != null ? dialogs : new FxDialogService(this::window));
        getStyleClass().add("gradient-lab");
        getStylesheets().add(GradientLabPane.class.getResource("gradient-lab.css").toExternalForm());
        setTop(toolbar());
        setCenter(tabs());
        sliders = new LabSliders(vm);
        setBottom(sliders);
        vm.resultProperty().addListener((o, a, r) -> apply(r));
        vm.readingProperty().addListener((o, a, s) -> reading.setText(s));
        vm.errorProperty().addListener((o, a, s) -> error.setText(s));
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        if (vm.getResult() != null) apply(vm.getResult());
    }

    public GradientLabViewModel viewModel() {
        return vm;
    }

    /** The export machinery behind the Export menu. */
    public Exporter exporter() {
        return exporter;
    }

    private Node toolbar() {
        Label title = new Label("Gradient lab");
        title.getStyleClass().add("pane-title");
        compare.setId("compare");
        Button reset = new Button("As trained");
        reset.setId("reset");
        reset.setOnAction(e -> vm.resetSliders());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.setOnShowing(e -> fillExportMenu(export));
        fillExportMenu(export);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        compare.setTooltip(new Tooltip("The same input through a vanilla RNN, an LSTM and a GRU of the same size"));
        reset.setTooltip(new Tooltip("Put the sliders back: the model's own weights and the input's length"));
        export.setTooltip(new Tooltip("Save the charts (PNG, SVG, PDF), this pane, or the trace"));
        HBox bar = new HBox(12, title, compare, reset, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 6, 10));
        return bar;
    }

    private void fillExportMenu(MenuButton menu) {
        GradientLabResult r = vm.getResult();
        menu.getItems().clear();
        menu.getItems().add(exporter.chartMenu("Gradient chart", "gradient",
                () -> vm.getResult() == null ? null : vm.getResult().gradientChart()));
        if (r != null) {
            for (int i = 0; i < r.gateCharts().size(); i++) {
                int k = i;
                JFreeChart c = r.gateCharts().get(i);
                String title = c.getTitle() == null ? "gate " + i : c.getTitle().getText();
                menu.getItems().add(exporter.chartMenu(title, "gates-" + stem(title),
                        () -> vm.getResult() == null ? null : vm.getResult().gateCharts().get(
                                Math.min(k, vm.getResult().gateCharts().size() - 1))));
            }
        }
        menu.getItems().add(exporter.chartMenu("Saturation chart", "saturation",
                () -> vm.getResult() == null ? null : vm.getResult().saturation()));
        javafx.scene.control.MenuItem gif = new javafx.scene.control.MenuItem(
                "Gate chart step by step (animated GIF)");
        gif.setId("export-gates-gif");
        gif.setOnAction(e -> {
            GradientLabResult x = vm.getResult();
            if (x == null) return;
            int[] units = GradientLab.validUnits(vm.unitsProperty().get(), x.model().hiddenSize());
            Quantity q = Quantity.gates(x.model().cell()).isEmpty() ? Quantity.HIDDEN
                    : Quantity.gate(x.model().cell(), 1 % x.model().cell().blocks());
            int top = x.trace().layerCount() - 1;
            exporter.exportChartGif(t -> GateChart.of(x.trace(), top, q, units, x.tokens(), t),
                    Math.min(x.trace().steps(), GIF_STEPS), GIF_DELAY_MS, "gates-steps");
        });
        menu.getItems().add(gif);
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(exporter.nodeItems("This pane", "gradient-lab", () -> this));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(exporter.traceItems(() -> {
            GradientLabResult x = vm.getResult();
            return x == null ? null : new Exporter.TraceSnapshot(x.trace(), x.tokens(), x.gradients(), x.objective());
        }));
    }

    private static String stem(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "gate" : s;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private Node tabs() {
        gradientViewer.setId("gradient-chart");
        reading.setId("reading");
        reading.getStyleClass().add("reading");
        reading.setWrapText(true);
        reading.setMaxWidth(Double.MAX_VALUE);
        reading.setPadding(new Insets(6, 10, 6, 10));
        error.setId("lab-error");
        error.getStyleClass().add("lab-error");
        BorderPane gradient = new BorderPane(new StackPane(gradientViewer));
        gradient.setBottom(new VBox(reading, error));

        TextField units = unitsField;
        units.setId("units");
        units.setPromptText("e.g. 0, 5, 29");
        units.setTooltip(new Tooltip("Which units' gates to plot; type numbers and press Enter"));
        units.setPrefColumnCount(14);
        units.setOnAction(e -> vm.unitsProperty().set(parseUnits(units.getText())));
        vm.unitsProperty().addListener((o, a, u) -> {
            if (u != null && !units.isFocused()) units.setText(join(u));
        });
        Label unitsLabel = new Label("Units (comma-separated, Enter):");
        Label gatesHint = new Label("σ gates: 0 = closed, 1 = open; shaded bands = saturated (< 0.1 or > 0.9)");
        gatesHint.getStyleClass().add("hint");
        HBox unitBar = new HBox(8, unitsLabel, units, gatesHint);
        unitBar.setAlignment(Pos.CENTER_LEFT);
        unitBar.setPadding(new Insets(6, 10, 6, 10));
        BorderPane gates = new BorderPane(gateGrid);
        gates.setTop(unitBar);
        saturationViewer.setId("saturation-chart");

        Tab t1 = new Tab("Gradient over time", gradient);
        Tab t2 = new Tab("Gate activations", gates);
        Tab t3 = new Tab("Saturation", new StackPane(saturationViewer));
        t1.setId("tab-gradient");
        t2.setId("tab-gates");
        t3.setId("tab-saturation");
        for (Tab t : List.of(t1, t2, t3)) t.setClosable(false);
        tabs.getTabs().addAll(t1, t2, t3);
        return tabs;
    }

    private void apply(GradientLabResult r) {
        if (r == null) return;
        gradientViewer.setChart(r.gradientChart());
        saturationViewer.setChart(r.saturation());
        GradientReading.Verdict v = r.curves().size() == 1 ? GradientReading.verdict(r.curves().get(0)) : null;
        reading.getStyleClass().removeAll(VERDICT_CLASSES);
        if (v != null) reading.getStyleClass().add(v.name().toLowerCase(Locale.ROOT));
        List<JFreeChart> charts = r.gateCharts();
        if (gateViewers.size() != charts.size()) {
            gateGrid.getChildren().clear();
            gateGrid.getColumnConstraints().clear();
            gateGrid.getRowConstraints().clear();
            gateViewers.clear();
            int cols = charts.size() == 1 ? 1 : 2;
            int rows = (charts.size() + cols - 1) / cols;
            for (int c = 0; c < cols; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / cols);
                gateGrid.getColumnConstraints().add(cc);
            }
            for (int i = 0; i < rows; i++) {
                RowConstraints rc = new RowConstraints();
                rc.setPercentHeight(100.0 / rows);
                gateGrid.getRowConstraints().add(rc);
            }
            for (int i = 0; i < charts.size(); i++) {
                ChartViewer cv = new ChartViewer();
                cv.setId("gate-chart-" + i);
                gateViewers.add(cv);
                gateGrid.add(new StackPane(cv), i % cols, i / cols);
            }
        }
        for (int i = 0; i < charts.size(); i++) gateViewers.get(i).setChart(charts.get(i));
        if (unitsField.getText().isBlank() && !unitsField.isFocused()) unitsField.setText(shownUnits(charts));
        sliders.sync();
    }

    /** "0, 1, 2": the units the first gate chart draws (its series are named "unit u"). */
    private static String shownUnits(List<JFreeChart> charts) {
        if (charts.isEmpty()) return "";
        var data = charts.get(0).getXYPlot().getDataset();
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < data.getSeriesCount(); s++)
            b.append(s > 0 ? ", " : "").append(data.getSeriesKey(s).toString().replace("unit ", ""));
        return b.toString();
    }

    /** The gate charts shown now (for tests and the GIF demo). */
    public List<ChartViewer> gateViewers() {
        return List.copyOf(gateViewers);
    }

    public ChartViewer gradientViewer() {
        return gradientViewer;
    }

    public TabPane tabPane() {
        return tabs;
    }

    static int[] parseUnits(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.split("[,\\s]+")) {
            if (p.isBlank()) continue;
            try {
                out.add(Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                // not a number: skipped
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static String join(int[] u) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < u.length; i++) b.append(i > 0 ? ", " : "").append(u[i]);
        return b.toString();
    }

}
