package org.rnnexplorer.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonFile;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.DemoModels;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;

/** Authoring a lesson as plain unit tests: the dialogs answer as the test says, results apply as the queue drains. */
class LessonViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final FakeDialogService dialogs = new FakeDialogService();
    final TraceViewModel trace = new TraceViewModel(applier, dialogs);
    final PlaybackViewModel playback = new PlaybackViewModel(trace);
    final WhatIfViewModel whatIf = new WhatIfViewModel(trace);
    final SessionViewModel session = new SessionViewModel(trace, applier, dialogs);
    final LessonViewModel lesson = new LessonViewModel(trace, session, playback, applier, dialogs);

    @AfterEach
    void close() {
        trace.close();
        session.close();
        lesson.document().dispose();
    }

    void open(ModelSource s) throws InterruptedException {
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && trace.result() != null && !trace.busyProperty().get());
    }

    void settle() throws InterruptedException {
        applier.until(() -> trace.result() != null && !trace.busyProperty().get());
    }

    @Test
    void slidesAreAddedEditedMovedDeletedSavedAndReopenedEqual(@TempDir Path dir) throws Exception {
        ModelSource lstm = DemoModels.entries().get(0), gru = DemoModels.entries().get(1);
        open(lstm);
        trace.jumpTo(3);
        trace.selectUnit(5);
        lesson.addCurrentView();
        assertEquals("slide 1 of 1", lesson.positionProperty().get());
        assertEquals("Step 4 ('" + org.rnnexplorer.ui.common.TokenLabels.visible(trace.result().input().tokens().get(3))
                + "'), unit 5: hₜ = "
                + org.rnnexplorer.ui.common.Num.f(trace.result().original().hidden(0, 3, 5)), lesson.captionProperty().get(),
                "a new slide's caption names its step and unit, with live numbers");

        lesson.setCaption("fₜ = {f} at '{token}'");
        assertTrue(lesson.captionProperty().get().startsWith("fₜ = "), lesson.captionProperty().get());
        lesson.setCaption("zₜ = {z}");
        assertEquals(1, dialogs.errors().size(), "the GRU's update gate is refused on an LSTM's slide");
        assertTrue(dialogs.errors().get(0).contains("{z} (update gate zₜ) is of the gru cell, but the model is a lstm"),
                dialogs.errors().get(0));
        assertEquals("fₜ = {f} at '{token}'", lesson.slides().get(0).caption(), "the caption stays as it was");
        lesson.setHighlight("forget", true, "2-4");
        assertEquals(new LessonSlide.Highlight("forget", 5, 1, 3), lesson.slides().get(0).highlight());
        assertEquals(lesson.slides().get(0).highlight(), lesson.highlightProperty().get(), "and it is drawn");
        lesson.setAutoPlay("3", "6");
        assertEquals(new LessonSlide.AutoPlay(3, 5), lesson.slides().get(0).autoPlay());

        open(gru);
        whatIf.clampGate(1, 1.0);
        settle();
        lesson.addCurrentView();
        lesson.setCaption("zₜ = {z}");
        assertEquals(1, dialogs.errors().size(), "now a GRU's slide");
        assertEquals(List.of("fₜ = {f} at '{token}'", "zₜ = {z}"), lesson.slides().stream().map(LessonSlide::caption).toList());
        lesson.moveUp();
        assertEquals(List.of("zₜ = {z}", "fₜ = {f} at '{token}'"), lesson.slides().stream().map(LessonSlide::caption).toList());
        assertEquals(0, lesson.indexProperty().get(), "the moved slide stays the current one");
        assertTrue(lesson.editedProperty().get());

        Path file = dir.resolve("demo.lesson.json");
        dialogs.saveAs(file);
        lesson.document().save();
        applier.until(() -> !lesson.editedProperty().get());
        assertEquals(file, lesson.fileProperty().get());
        Lesson saved = lesson.lesson();
        assertEquals(saved, LessonFile.read(file), "saved and reopened, equal");

        // reopening shows the first slide: the GRU with its what-if
        var before = trace.openedProperty().get();
        lesson.document().openLesson(file);
        applier.until(() -> trace.openedProperty().get() != before && lesson.shownProperty().get() == 0
                && !trace.busyProperty().get());
        assertEquals(saved, lesson.lesson());
        assertEquals(1, trace.whatIfs().size(), "the slide's what-if is back");
        assertTrue(trace.sourceProperty().get() instanceof ModelSource.InLesson, "a model not bundled comes from the lesson");
        assertEquals(org.rnnexplorer.model.CellType.GRU, trace.modelProperty().get().cell());

        lesson.next();
        applier.until(() -> lesson.shownProperty().get() == 1);
        assertTrue(lesson.autoPlayingProperty().get() || trace.stepProperty().get() == 5, "its auto-play runs");
        lesson.deleteSlide();
        assertEquals("slide 1 of 1", lesson.positionProperty().get());
        assertTrue(lesson.editedProperty().get());
    }

    @Test
    void unsavedEditsAskBeforeTheyAreLost(@TempDir Path dir) throws Exception {
        open(DemoModels.entries().get(0));
        lesson.addCurrentView();
        dialogs.answer(null);
        lesson.document().newLesson();
        assertEquals(List.of("Save the lesson?"), dialogs.questions());
        assertEquals(1, lesson.slides().size(), "Cancel keeps the lesson");
        dialogs.answer("Discard");
        lesson.document().close();
        assertFalse(lesson.openProperty().get(), "Discard leaves it");
        assertEquals(2, dialogs.questions().size());
    }

    @Test
    void aBadLessonFileIsOneLineAndNothingChanges(@TempDir Path dir) throws Exception {
        open(DemoModels.entries().get(0));
        Path bad = dir.resolve("bad.lesson.json");
        Files.writeString(bad, "{\"format\": \"rnn-explorer-lesson\", \"version\": 7, \"slides\": []}");
        lesson.document().openLesson(bad);
        applier.until(() -> !dialogs.errors().isEmpty());
        assertEquals("Could not open the lesson: " + bad + ": written by a newer RNN Explorer (lesson version 7); this one"
                + " reads version 1", dialogs.errors().get(0));
        assertFalse(lesson.openProperty().get());
    }
}
