package org.rnnexplorer.ui.explorer.trace;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The input editor (the trace follows as one types) and, beside it, what the vocabulary could not read, how long the
 * trace took, and the value under the mouse.
 */
public final class InputBar extends HBox {
    private final TextArea editor = new TextArea();
    private final Label unknown = new Label();
    private final Label timing = new Label();
    private final Label hover = new Label();
    private final TraceProgressBar progress = new TraceProgressBar();

    public InputBar() {
        super(10);
        getStyleClass().add("input-bar");
        setAlignment(Pos.TOP_LEFT);
        Label caption = new Label("Input");
        caption.getStyleClass().add("input-caption");
        editor.setPrefRowCount(2);
        editor.setWrapText(true);
        editor.setPromptText("Type or paste text here; the trace follows as you type.");
        editor.setTooltip(new Tooltip("The input; the trace updates as you type. Esc returns the keys to playback."));
        HBox.setHgrow(editor, Priority.ALWAYS);
        unknown.getStyleClass().add("unknown");
        unknown.setWrapText(true);
        timing.getStyleClass().add("timing");
        hover.getStyleClass().add("hover-info");
        hover.setWrapText(true);
        timing.setWrapText(true);
        VBox notes = new VBox(4, unknown, timing, progress, hover);
        notes.setPrefWidth(380);
        notes.setMaxWidth(420);
        getChildren().addAll(caption, editor, notes);
    }

    public void bind(TraceViewModel trace) {
        editor.textProperty().bindBidirectional(trace.inputTextProperty());
        unknown.textProperty().bind(trace.unknownSummaryProperty());
        timing.textProperty().bind(trace.timingProperty());
        hover.textProperty().bind(trace.hoverTextProperty());
        progress.bind(trace);
    }

    /** The progress of a long trace (and of exports that take long). */
    public TraceProgressBar progress() {
        return progress;
    }

    /** The editor, for the keys that focus it and the presenter layout that gives it fewer rows. */
    public TextArea editor() {
        return editor;
    }
}
