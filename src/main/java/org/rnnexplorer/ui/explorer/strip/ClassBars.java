package org.rnnexplorer.ui.explorer.strip;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * A classifier's answer at the current step: its {@value #SHOWN} likeliest classes with their names and softmax
 * probabilities as bars, the likeliest first; it follows the step. Shown beside the sequence strip only when the
 * open model is a classifier (its readout's outputs are classes), in place of the chips' next-token predictions.
 */
public final class ClassBars extends VBox {
    static final int SHOWN = 5;
    private static final double BAR = 150;
    private final Label caption = new Label();
    private final List<Row> rows = new ArrayList<>();
    private TraceViewModel trace;

    /** One class: its name, a bar as long as its probability, the probability in per cent. */
    public static final class Row extends HBox {
        private final Label name = new Label();
        private final Region bar = new Region();
        private final Label percent = new Label();

        Row() {
            super(6);
            getStyleClass().add("class-row");
            setAlignment(Pos.CENTER_LEFT);
            name.getStyleClass().add("class-name");
            name.setMinWidth(90);
            name.setPrefWidth(110);
            bar.getStyleClass().add("class-bar");
            bar.setMinHeight(12);
            StackPane track = new StackPane(bar);
            track.getStyleClass().add("class-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(BAR);
            track.setMaxWidth(BAR);
            percent.getStyleClass().add("class-percent");
            percent.setMinWidth(52);
            getChildren().addAll(name, track, percent);
        }

        void show(Prediction p) {
            name.setText(p.token());
            bar.setMaxWidth(Math.max(1, BAR * p.probability()));
            bar.setPrefWidth(Math.max(1, BAR * p.probability()));
            percent.setText(Num.percent(p.probability()));
        }

        /** "north 61.2%", as a user reads the row. */
        public String text() {
            return name.getText() + " " + percent.getText();
        }
    }

    public ClassBars() {
        super(3);
        getStyleClass().add("class-bars");
        caption.getStyleClass().add("strip-caption");
        getChildren().add(caption);
        for (int i = 0; i < SHOWN; i++) {
            Row r = new Row();
            rows.add(r);
            getChildren().add(r);
        }
        Tooltip.install(this, new Tooltip("The classifier's likeliest classes after reading the input up to this step"
                + " (softmax of its readout)"));
        show(false);
    }

    public void bind(TraceViewModel trace) {
        this.trace = trace;
        trace.resultProperty().addListener((o, a, b) -> fill());
        trace.stepProperty().addListener((o, a, b) -> fill());
    }

    private void show(boolean on) {
        setVisible(on);
        setManaged(on);
    }

    private void fill() {
        TraceResult r = trace.result();
        Trace tr = r == null ? null : r.original();
        boolean on = tr != null && tr.hasReadout() && r.model().isClassifier() && r.steps() > 0;
        show(on);
        if (!on) return;
        int t = Math.max(0, Math.min(trace.stepProperty().get(), r.steps() - 1));
        List<Prediction> top = Prediction.topClasses(r.model(), tr, t, SHOWN);
        caption.setText("Classes after step " + (t + 1) + " ('" + TokenLabels.visible(r.input().tokens().get(t)) + "'), "
                + r.model().outputSize() + " in all");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.setVisible(i < top.size());
            row.setManaged(i < top.size());
            if (i < top.size()) row.show(top.get(i));
        }
    }

    /** The rows shown, likeliest first ("north 61.2%"). */
    public List<String> shownRows() {
        return rows.stream().filter(Region::isVisible).map(Row::text).toList();
    }
}
