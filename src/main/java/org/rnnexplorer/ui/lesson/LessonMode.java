package org.rnnexplorer.ui.lesson;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.rnnexplorer.analysis.Quantity;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Shortcut;
import org.rnnexplorer.ui.explorer.diagram.CellDiagramView;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * Lesson mode in the window: the {@link LessonBar}, the Lesson menu, the slide keys (PageDown / PageUp, which
 * presentation clickers send, and ← / → while a lesson is open; Shift+← / → then step through the input), the tabs
 * kept in step with the lesson's ids, and the slide's highlight drawn on the cell diagram and the sequence strip.
 */
public final class LessonMode {
    private final LessonViewModel lesson;
    private final TraceViewModel trace;
    private final CellDiagramView diagram;
    private final SequenceStrip strip;
    private final LessonBar bar;
    private final LessonExport export;

    public LessonMode(LessonViewModel lesson, TraceViewModel trace, DialogService dialogs, TabPane mainTabs,
                      TabPane sideTabs, CellDiagramView diagram, SequenceStrip strip) {
        this.lesson = lesson;
        this.trace = trace;
        this.diagram = diagram;
        this.strip = strip;
        bar = new LessonBar(lesson, trace);
        export = new LessonExport(lesson, dialogs);
        TabIds.sync(mainTabs, lesson.tabProperty());
        TabIds.sync(sideTabs, lesson.panelProperty());
        lesson.highlightProperty().addListener(o -> mark());
        trace.resultProperty().addListener(o -> mark());
    }

    public LessonBar bar() {
        return bar;
    }

    /** The handout and PNG export (the window's root is what they snapshot). */
    public LessonExport export() {
        return export;
    }

    /** The Lesson menu: the bundled lessons, open, save, authoring, export, leave. */
    public Menu menu() {
        Menu m = new Menu("_Lesson");
        for (BundledLessons.Entry e : BundledLessons.all()) m.getItems().add(item(e.title(), () -> lesson.document().openBundled(e)));
        MenuItem save = Shortcut.SAVE_LESSON.menuItem("_Save lesson", lesson.document()::save);
        MenuItem saveAs = item("Save lesson _as…", lesson.document()::saveAs);
        MenuItem pdf = item("Export handout as _PDF… (a page per slide)", export::chooseAndExportPdf);
        MenuItem png = item("Export slides as P_NGs… (one per slide)", export::chooseAndExportPngs);
        MenuItem close = item("_Leave lesson mode", lesson.document()::close);
        for (MenuItem i : new MenuItem[] {save, saveAs, pdf, png, close}) i.disableProperty().bind(lesson.openProperty().not());
        m.getItems().addAll(new SeparatorMenuItem(),
                Shortcut.OPEN_LESSON.menuItem("_Open lesson…", lesson.document()::chooseLessonToOpen), save, saveAs,
                item("_New lesson", lesson.document()::newLesson), new SeparatorMenuItem(),
                Shortcut.ADD_SLIDE.menuItem("Add the current _view as a slide", lesson::addCurrentView),
                Shortcut.NEXT_SLIDE.menuItem("Next slide", lesson::next),
                Shortcut.PREVIOUS_SLIDE.menuItem("Previous slide", lesson::previous),
                new SeparatorMenuItem(), pdf, png, new SeparatorMenuItem(), close);
        return m;
    }

    /** Help → the first bundled lesson (none when there is none). */
    public MenuItem helpItem() {
        BundledLessons.Entry first = BundledLessons.all().isEmpty() ? null : BundledLessons.all().get(0);
        MenuItem it = item(first == null ? "(no bundled lesson)" : "Lesson: " + first.title(),
                () -> lesson.document().openBundled(first));
        it.setDisable(first == null);
        return it;
    }

    /** The slide keys, taken before the playback keys; the lesson's style sheet. */
    public void install(Scene scene) {
        scene.getStylesheets().add(LessonMode.class.getResource("lesson.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!lesson.openProperty().get() || scene.getFocusOwner() instanceof TextInputControl
                    || e.isShortcutDown() || e.isAltDown()) return;
            KeyCode k = e.getCode();
            boolean arrow = !e.isShiftDown() && (k == KeyCode.LEFT || k == KeyCode.RIGHT);
            if (k == KeyCode.PAGE_DOWN || arrow && k == KeyCode.RIGHT) lesson.next();
            else if (k == KeyCode.PAGE_UP || arrow && k == KeyCode.LEFT) lesson.previous();
            else return;
            e.consume();
        });
    }

    /** Draws the highlight of the slide on screen (and nothing while its view loads or after it is left). */
    private void mark() {
        LessonSlide.Highlight h = lesson.highlightProperty().get();
        RnnModel m = trace.modelProperty().get();
        if (h == null || m == null) {
            diagram.mark(Set.of(), -1);
            strip.markSteps(0, -1);
            return;
        }
        Set<String> names = new HashSet<>();
        if (h.part() != null) names.add(stripName(m.cell(), h.part()));
        diagram.mark(names, h.unit() == null ? -1 : h.unit());
        if (h.fromStep() != null) strip.markSteps(h.fromStep(), h.toStep());
        else strip.markSteps(0, -1);
    }

    /** The diagram's strip of a highlight's part: a gate by its name, or hidden, cell, input. */
    static String stripName(CellType cell, String part) {
        return switch (part) {
            case "hidden" -> Quantity.HIDDEN.label();
            case "cell" -> Quantity.CELL.label();
            case "input" -> "input xₜ";
            default -> {
                for (Quantity q : Quantity.gates(cell)) if (q.id().equals(part)) yield q.label();
                yield part;
            }
        };
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem it = new MenuItem(text);
        it.setOnAction(e -> action.run());
        return it;
    }
}
