package org.rnnexplorer.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnexplorer.io.CaptionTemplate;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The lesson bar over the tabs: the lesson's title, Prev / "slide k of n" / Next, the caption with its live numbers
 * (large in presenter mode) and, behind Edit, the authoring row: the caption's template, the highlight (a part of the
 * cell, the unit, a range of steps), the auto-play, and the slide's Add / Update / move / Delete buttons. Hidden
 * while no lesson is open.
 */
public final class LessonBar extends VBox {
    private final Label title = new Label();
    private final Label position = new Label();
    private final Label caption = new Label();
    private final TextField captionField = new TextField();
    private final ComboBox<String> part = new ComboBox<>();
    private final CheckBox unit = new CheckBox("the unit");
    private final TextField steps = new TextField();
    private final TextField speed = new TextField();
    private final TextField playTo = new TextField();
    private final ToggleButton edit = new ToggleButton("Edit");
    private final HBox editor = new HBox(8);

    public LessonBar(LessonViewModel lesson, TraceViewModel trace) {
        getStyleClass().add("lesson-bar");
        setId("lesson-bar");
        title.getStyleClass().add("lesson-title");
        position.getStyleClass().add("lesson-position");
        position.setId("lesson-position");
        caption.getStyleClass().add("lesson-caption");
        caption.setId("lesson-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(caption, Priority.ALWAYS);

        Button prev = button("◀ Prev", "Previous slide (" + Shortcut.PREVIOUS_SLIDE.keyText() + " or ←)", lesson::previous);
        Button next = button("Next ▶", "Next slide (" + Shortcut.NEXT_SLIDE.keyText() + " or →)", lesson::next);
        prev.setId("lesson-prev");
        next.setId("lesson-next");
        edit.setTooltip(new Tooltip("Edit this slide: caption, highlight, auto-play; add, move and delete slides"));
        Button close = button("✕", "Leave lesson mode", lesson.document()::close);
        HBox top = new HBox(10, title, prev, position, next, caption, edit, close);
        for (javafx.scene.control.Control c : List.of(prev, position, next, edit, close)) c.setMinWidth(Region.USE_PREF_SIZE);
        title.setMaxWidth(260);
        title.setMinWidth(Math.min(120, 260));
        top.setAlignment(Pos.CENTER_LEFT);

        buildEditor(lesson);
        editor.visibleProperty().bind(edit.selectedProperty());
        editor.managedProperty().bind(edit.selectedProperty());
        getChildren().addAll(top, editor);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(6);

        title.textProperty().bind(lesson.titleProperty());
        position.textProperty().bind(lesson.positionProperty());
        caption.textProperty().bind(lesson.captionProperty());
        visibleProperty().bind(lesson.openProperty());
        managedProperty().bind(lesson.openProperty());
        prev.disableProperty().bind(lesson.indexProperty().lessThanOrEqualTo(0));
        next.disableProperty().bind(lesson.indexProperty().greaterThanOrEqualTo(
                javafx.beans.binding.Bindings.size(lesson.slides()).subtract(1)));
        lesson.indexProperty().addListener(o -> showSlide(lesson));
        lesson.slides().addListener((javafx.collections.ListChangeListener<LessonSlide>) c -> showSlide(lesson));
        trace.modelProperty().addListener((o, a, m) -> parts(m == null ? null : m.cell()));
    }

    private void buildEditor(LessonViewModel lesson) {
        captionField.setPromptText("caption, e.g. the forget gate is {f} at '{token}'");
        captionField.setTooltip(new Tooltip("The caption; live numbers: " + CaptionTemplate.Placeholder.list()
                + " (of the selected unit at the step); {{ and }} write braces. Enter applies."));
        HBox.setHgrow(captionField, Priority.ALWAYS);
        captionField.setOnAction(e -> lesson.setCaption(captionField.getText()));
        part.setTooltip(new Tooltip("The part of the cell diagram to outline"));
        unit.setTooltip(new Tooltip("Point at the slide's unit"));
        steps.setPromptText("steps 1-40");
        steps.setPrefColumnCount(6);
        steps.setTooltip(new Tooltip("The steps to mark on the strip, e.g. 2-41 (empty: none)"));
        Button mark = button("Highlight", "Apply the highlight: part, unit, steps", () ->
                lesson.setHighlight(part.getValue() == null || part.getValue().equals("(none)") ? null : part.getValue(),
                        unit.isSelected(), steps.getText()));
        speed.setPromptText("steps/s");
        speed.setPrefColumnCount(4);
        speed.setTooltip(new Tooltip("Auto-play speed in steps per second"));
        playTo.setPromptText("to step");
        playTo.setPrefColumnCount(4);
        playTo.setTooltip(new Tooltip("Auto-play up to this step (empty: no auto-play)"));
        Button play = button("Auto-play", "Apply the auto-play", () -> lesson.setAutoPlay(speed.getText(), playTo.getText()));
        editor.getChildren().addAll(captionField, part, unit, steps, mark, speed, playTo, play,
                button("Add view", "Add the view on screen as a new slide after this one ("
                        + Shortcut.ADD_SLIDE.keyText() + ")", lesson::addCurrentView),
                button("Update", "This slide takes the view on screen", lesson::replaceWithCurrentView),
                button("↑", "Move this slide earlier", lesson::moveUp),
                button("↓", "Move this slide later", lesson::moveDown),
                button("Delete", "Delete this slide", lesson::deleteSlide));
        editor.setAlignment(Pos.CENTER_LEFT);
        parts(null);
    }

    /** The editor's fields show the current slide. */
    private void showSlide(LessonViewModel lesson) {
        int k = lesson.indexProperty().get();
        if (k < 0 || k >= lesson.slides().size()) return;
        LessonSlide s = lesson.slides().get(k);
        captionField.setText(s.caption());
        LessonSlide.Highlight h = s.highlight();
        part.setValue(h == null || h.part() == null ? "(none)" : h.part());
        unit.setSelected(h != null && h.unit() != null);
        steps.setText(h == null || h.fromStep() == null ? "" : (h.fromStep() + 1) + "-" + (h.toStep() + 1));
        speed.setText(s.autoPlay() == null ? "" : String.valueOf(s.autoPlay().stepsPerSecond()));
        playTo.setText(s.autoPlay() == null ? "" : String.valueOf(s.autoPlay().toStep() + 1));
    }

    private void parts(CellType cell) {
        List<String> items = new ArrayList<>(List.of("(none)"));
        if (cell != null) items.addAll(cell.gateNames());
        items.add("hidden");
        if (cell == null || cell.hasCellState()) items.add("cell");
        items.add("input");
        String was = part.getValue();
        part.getItems().setAll(items);
        part.setValue(items.contains(was) ? was : "(none)");
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** The caption as shown. */
    public Label caption() {
        return caption;
    }
}
