package org.rnnexplorer.ui.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonFile;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;

/**
 * The open lesson as a document: opened from a file or the bundled lessons and saved (both off the JavaFX thread,
 * writing atomically), and never lost unasked: with unsaved edits, opening another, a new one or leaving lesson mode
 * first asks Save…, Discard or Cancel. A bad file is one line naming it, and nothing on screen changes.
 */
public final class LessonDocument {
    /** The answers to "Save the lesson?". */
    enum Unsaved { SAVE, DISCARD }

    private final LessonViewModel lesson;
    private final Executor applier;
    private final DialogService dialogs;
    private final ExecutorService files = DaemonThreads.single("lesson-files");

    LessonDocument(LessonViewModel lesson, Executor applier, DialogService dialogs) {
        this.lesson = lesson;
        this.applier = applier;
        this.dialogs = dialogs;
    }

    /** Runs {@code action}, or asks first (Save…, Discard, Cancel) when the lesson has unsaved edits. */
    public void unlessEdited(Runnable action) {
        if (!lesson.editedProperty().get()) {
            action.run();
            return;
        }
        dialogs.ask("Save the lesson?", "The lesson \"" + lesson.titleProperty().get() + "\" has changes in no file yet. Save them first?",
                List.of(new DialogService.Choice<>("Save…", Unsaved.SAVE), new DialogService.Choice<>("Discard", Unsaved.DISCARD)),
                answer -> {
                    if (answer == Unsaved.DISCARD) action.run();
                    else if (answer == Unsaved.SAVE) saveAs(action);
                });
    }

    public void chooseLessonToOpen() {
        unlessEdited(() -> {
            Path f = dialogs.chooseFileToOpen("Open a lesson", List.of(
                    new DialogService.FileType("Lessons (*.lesson.json)", "*.lesson.json"), DialogService.FileType.ANY));
            if (f != null) read(() -> LessonFile.read(f), f);
        });
    }

    /** Opens a lesson file (off this thread); a bad one is one line naming it, and nothing changes. */
    public void openLesson(Path f) {
        unlessEdited(() -> read(() -> LessonFile.read(f), f));
    }

    /** Opens a lesson shipped with the app. */
    public void openBundled(BundledLessons.Entry e) {
        unlessEdited(() -> read(e::read, null));
    }

    private void read(Supplier<Lesson> reading, Path from) {
        files.execute(() -> {
            Lesson l;
            try {
                l = reading.get();
            } catch (RuntimeException e) {
                applier.execute(() -> dialogs.showError("Could not open the lesson", Messages.oneLine(e)));
                return;
            }
            applier.execute(() -> lesson.load(l, from));
        });
    }

    /** A new, empty lesson (asking first when the open one has unsaved edits). */
    public void newLesson() {
        unlessEdited(() -> lesson.load(new Lesson(LessonViewModel.UNTITLED, List.of()), null));
    }

    /** Leaves lesson mode (asking first about unsaved edits). */
    public void close() {
        unlessEdited(lesson::clear);
    }

    public void save() {
        if (lesson.fileProperty().get() == null) saveAs(() -> { });
        else write(lesson.fileProperty().get(), () -> { });
    }

    public void saveAs() {
        saveAs(() -> { });
    }

    private void saveAs(Runnable then) {
        Path f = dialogs.chooseFileToSave("Save the lesson", lesson.fileProperty().get() != null ? lesson.fileProperty().get().getFileName().toString()
                : "lesson.lesson.json", "json");
        if (f != null) write(f, then);
    }

    /** Writes the lesson (off this thread, atomically); then it is the lesson's file and counts as saved. */
    public void write(Path f, Runnable then) {
        Lesson l = lesson.lesson();
        files.execute(() -> {
            try {
                LessonFile.write(l, f);
            } catch (RuntimeException e) {
                String message = Messages.naming(f, e);
                applier.execute(() -> dialogs.showError("Could not save the lesson", message));
                return;
            }
            applier.execute(() -> {
                lesson.saved(l, f);
                then.run();
            });
        });
    }

    /** Stops the file thread (the window is closing). */
    public void dispose() {
        files.shutdownNow();
    }
}
