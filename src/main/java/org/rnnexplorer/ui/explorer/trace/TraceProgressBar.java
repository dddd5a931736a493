package org.rnnexplorer.ui.explorer.trace;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The progress of a long (compact) trace being filled: a bar, "traced 12,800 of 200,000 steps · 7,100 steps/s", and
 * Cancel while it runs; what it ended with after. Hidden for a full trace.
 */
public final class TraceProgressBar extends VBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label();
    private final Button cancel = new Button("Cancel");

    public TraceProgressBar() {
        super(3);
        getStyleClass().add("trace-progress");
        bar.setPrefWidth(240);
        bar.setId("trace-progress-bar");
        status.setId("trace-progress-status");
        status.setWrapText(true);
        cancel.setId("trace-cancel");
        cancel.setTooltip(new Tooltip("Stop tracing this long input; the steps done so far stay shown"));
        HBox row = new HBox(8, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, status);
    }

    public void bind(TraceViewModel trace) {
        CompactRecorder r = trace.recorder();
        bar.progressProperty().bind(r.progressProperty());
        status.textProperty().bind(r.statusProperty());
        cancel.visibleProperty().bind(r.runningProperty());
        cancel.managedProperty().bind(r.runningProperty());
        bar.visibleProperty().bind(r.runningProperty());
        bar.managedProperty().bind(r.runningProperty());
        visibleProperty().bind(Bindings.isNotEmpty(r.statusProperty()));
        managedProperty().bind(visibleProperty());
        cancel.setOnAction(e -> trace.cancelTrace());
    }

    /** Shows also a background export's status, with a busy bar while it runs (e.g. Export &gt; Trace as NPZ). */
    public void showAlso(ReadOnlyStringProperty text, ReadOnlyBooleanProperty running) {
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.setPrefWidth(120);
        busy.visibleProperty().bind(running);
        busy.managedProperty().bind(running);
        Label l = new Label();
        l.setId("export-progress-status");
        l.setWrapText(true);
        l.textProperty().bind(text);
        HBox row = new HBox(8, busy, l);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(Bindings.isNotEmpty(text));
        row.managedProperty().bind(row.visibleProperty());
        getChildren().add(row);
        visibleProperty().unbind();
        visibleProperty().bind(Bindings.isNotEmpty(status.textProperty()).or(Bindings.isNotEmpty(text)));
    }
}
