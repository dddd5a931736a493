package org.rnnexplorer.ui.connect;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.Opening;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;

/**
 * The "Ways to connect" tab, the deck's last slide: one-to-one, one-to-many, many-to-one and many-to-many drawn as the
 * unrolled chain ({@link ChainPicture}), each with a button that opens its live example in the cell tab.
 */
public final class WaysToConnectTab {
    public static final String ID = "ways-tab";

    private WaysToConnectTab() {
    }

    /** The tab; {@code showCell} brings the cell tab to the front once an example is open. */
    public static Tab of(TraceViewModel trace, SessionViewModel session, Runnable showCell) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(18);
        grid.setPadding(new Insets(16));
        Label heading = new Label("There is more than one way to connect time series — the hidden state hₜ is passed"
                + " from step to step in all of them; they differ in where the inputs x go in and the outputs y come out.");
        heading.getStyleClass().add("connect-heading");
        heading.setWrapText(true);
        VBox[] panes = new VBox[Connection.ALL.length];
        for (int i = 0; i < panes.length; i++) {
            Connection c = Connection.ALL[i];
            panes[i] = pane(c, () -> open(trace, session, c, showCell));
        }
        arrange(grid, heading, panes, 2);
        // a wide window shows the four side by side, a narrow one two by two
        grid.widthProperty().addListener((o, a, w) -> {
            int columns = w.doubleValue() >= 1400 ? 4 : 2;
            if (columns != grid.getColumnConstraints().size()) arrange(grid, heading, panes, columns);
        });
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Tab tab = new Tab("Ways to connect", scroll);
        tab.setId(ID);
        return tab;
    }

    private static void arrange(GridPane grid, Label heading, VBox[] panes, int columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        grid.add(heading, 0, 0, columns, 1);
        for (int i = 0; i < panes.length; i++) grid.add(panes[i], i % columns, 1 + i / columns);
        for (int col = 0; col < columns; col++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int row = 0; row <= panes.length / columns; row++) {
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setVgrow(row == 0 ? Priority.NEVER : Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
    }

    private static VBox pane(Connection c, Runnable open) {
        Label title = new Label(c.title());
        title.getStyleClass().add("connect-title");
        Label says = new Label(c.says());
        says.setWrapText(true);
        says.getStyleClass().add("connect-says");
        ModelSource.Bundled b = ModelCatalog.bundledAt(c.model());
        Button go = new Button(b == null ? "(its model is not bundled)" : "Open live: " + b.title() + " ▸");
        go.setId(c.id());
        go.setDisable(b == null);
        go.setTooltip(new Tooltip("Open the " + c.title() + " example in the cell tab"));
        go.setOnAction(e -> open.run());
        ChainPicture picture = new ChainPicture(c);
        VBox.setVgrow(picture, Priority.ALWAYS);
        VBox box = new VBox(6, title, picture, says, go);
        box.getStyleClass().add("connect-pane");
        box.setPadding(new Insets(10));
        return box;
    }

    /** Opens the pattern's bundled model on its input at its step (asking first about unsaved trained weights). */
    static void open(TraceViewModel trace, SessionViewModel session, Connection c, Runnable showCell) {
        ModelSource.Bundled b = ModelCatalog.bundledAt(c.model());
        if (b == null) return;
        Consumer<Opening> then = o -> showCell.run();
        session.unlessUnsaved(() -> trace.open(() -> {
            RnnModel m = b.load();
            String text = c.text() != null ? c.text() : ModelCatalog.exampleFor(b, m);
            var r = TraceViewModel.compute(m, text, List.of());
            int step = c.step() < 0 ? r.steps() - 1 : Math.min(c.step(), r.steps() - 1);
            return new Opening(b, text, List.of(), 0, 0, Math.max(0, step), r);
        }, then));
    }
}
