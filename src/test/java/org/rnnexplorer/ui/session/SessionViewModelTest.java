package org.rnnexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.DemoModels;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.explorer.whatif.WhatIfViewModel;

/**
 * Sessions and the unsaved-weights policy as plain unit tests: the dialogs are a fake that answers as the test says,
 * results are applied when the test drains the queue.
 */
class SessionViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final FakeDialogService dialogs = new FakeDialogService();
    final Window one = new Window();

    /** The view models of one window that sessions involve. */
    final class Window implements AutoCloseable {
        final TraceViewModel trace = new TraceViewModel(applier, dialogs);
        final PlaybackViewModel playback = new PlaybackViewModel(trace);
        final WhatIfViewModel whatIf = new WhatIfViewModel(trace);
        final SessionViewModel session = new SessionViewModel(trace, applier, dialogs);

        Window() {
            session.addSliders(playback.sessionSliders());
        }

        void settle() throws InterruptedException {
            applier.until(() -> trace.result() != null && !trace.busyProperty().get());
        }

        /** Waits until {@code title} is open and traced. */
        void waitForOpen(String title) throws InterruptedException {
            applier.until(() -> trace.sourceProperty().get() != null && trace.sourceProperty().get().title().equals(title)
                    && !trace.busyProperty().get());
        }

        @Override
        public void close() {
            trace.close();
            session.close();
        }
    }

    @AfterEach
    void close() {
        one.close();
    }

    static RnnModel numericGru() {
        RnnModel m = RnnModel.zeros(CellType.GRU, 2, 4, 1, 0, 0, null, null);
        for (int i = 0; i < m.layer(0).wIh.data.length; i++) m.layer(0).wIh.data[i] = 0.1 * ((i % 7) - 3);
        for (int i = 0; i < m.layer(0).wHh.data.length; i++) m.layer(0).wHh.data[i] = 0.05 * ((i % 5) - 2);
        return m;
    }

    @Test
    void aNumericSessionRoundTripsAndTrainedWeightsCountAsUnsavedUntilSaved(@TempDir Path dir) throws Exception {
        RnnModel m = numericGru();
        one.session.openTrained(m);
        one.waitForOpen("trained in the app (GRU)");
        assertTrue(one.session.trainedUnsavedProperty().get());
        assertEquals("• RNN Explorer — trained in the app (GRU)", one.session.titleProperty().get());
        one.trace.inputTextProperty().set("0.5, 1\n-0.25, 2\n0.125, -1\n");
        one.settle();
        one.trace.selectUnit(2);
        one.trace.jumpTo(1);
        one.whatIf.clampGate(1, 1.0);
        one.playback.stepsPerSecondProperty().set(4.5);
        one.settle();
        assertEquals(3, one.trace.steps());
        Path file = dir.resolve("numbers.session.json");
        one.session.saveSession(file, () -> { });
        applier.until(() -> file.equals(one.session.sessionFileProperty().get()));
        assertFalse(one.session.trainedUnsavedProperty().get(), "saved in the session");
        assertEquals("numbers.session.json — RNN Explorer — trained in the app (GRU)", one.session.titleProperty().get());
        one.trace.jumpTo(2);
        assertEquals("numbers.session.json • — RNN Explorer — trained in the app (GRU)",
                one.session.titleProperty().get(), "changed since saved");
        one.trace.jumpTo(1);

        try (Window other = new Window()) {
            other.session.openSession(file);
            applier.until(() -> file.equals(other.session.sessionFileProperty().get()) && !other.trace.busyProperty().get());
            assertEquals(3, other.trace.steps());
            assertEquals(1, other.trace.stepProperty().get());
            assertEquals(2, other.trace.unitProperty().get());
            assertEquals(List.copyOf(one.trace.whatIfs()), List.copyOf(other.trace.whatIfs()));
            assertEquals(4.5, other.playback.stepsPerSecondProperty().get(), 0.0);
            assertEquals("model of numbers.session.json", other.trace.sourceProperty().get().title());
            assertEquals("numbers.session.json — RNN Explorer — model of numbers.session.json",
                    other.session.titleProperty().get(), "nothing changed since it was opened");
            Trace a = one.trace.result().whatIf(), b = other.trace.result().whatIf();
            for (int t = 0; t < 3; t++)
                for (int u = 0; u < 4; u++) assertEquals(a.hidden(0, t, u), b.hidden(0, t, u), 0.0);
            assertEquals(one.trace.stepLabelProperty().get(), other.trace.stepLabelProperty().get());
            assertEquals(one.trace.unitLabelProperty().get(), other.trace.unitLabelProperty().get());
        }

        // a model file also counts as saving the trained weights
        one.session.openTrained(m);
        applier.until(() -> one.session.trainedUnsavedProperty().get() && !one.trace.busyProperty().get());
        Path model = dir.resolve("gru.json");
        one.session.saveModel(model, () -> { });
        applier.until(() -> !one.session.trainedUnsavedProperty().get());
        assertEquals(4, ModelFile.read(model).hiddenSize());
    }

    @Test
    void withTrainedWeightsInNoFileOpeningAnotherModelAsksFirst(@TempDir Path dir) throws Exception {
        ModelSource demo = DemoModels.entries().get(0);
        one.session.openTrained(numericGru());
        one.waitForOpen("trained in the app (GRU)");

        dialogs.answer(null); // Cancel: nothing happens
        one.session.open(demo);
        applier.until(() -> !one.trace.busyProperty().get());
        assertEquals(List.of("Save the trained model?"), dialogs.questions());
        assertEquals("trained in the app (GRU)", one.trace.sourceProperty().get().title());

        dialogs.answer("Save…").saveInto(dir); // Save…: the session is written, then the other model opens
        one.session.open(demo);
        one.waitForOpen(demo.title());
        Path saved = dir.resolve("explorer.session.json");
        assertEquals(4, SessionFile.read(saved).model().hiddenSize(), "the trained weights are in the session");
        assertFalse(one.session.trainedUnsavedProperty().get());
        assertNull(one.session.sessionFileProperty().get(), "the new model is a new document");

        one.session.openTrained(numericGru());
        one.waitForOpen("trained in the app (GRU)");
        dialogs.answer("Discard"); // Discard: the other model opens, nothing is written
        Files.delete(saved);
        one.session.open(demo);
        one.waitForOpen(demo.title());
        assertFalse(Files.exists(saved));
        assertEquals(3, dialogs.questions().size());

        one.session.open(DemoModels.entries().get(1)); // nothing unsaved: no question
        one.waitForOpen(DemoModels.entries().get(1).title());
        assertEquals(3, dialogs.questions().size());
    }

    @Test
    void aSessionThatCannotBeWrittenIsReportedInOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        one.session.open(DemoModels.entries().get(0));
        one.settle();
        Path file = dir.resolve("no-such-folder").resolve("x.session.json");
        one.session.saveSession(file, () -> dialogs.showError("then", "ran"));
        applier.until(() -> !dialogs.errors().isEmpty());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).startsWith("Could not save the file: "), dialogs.errors().get(0));
        assertTrue(dialogs.errors().get(0).contains("x.session.json: cannot write"), dialogs.errors().get(0));
        assertFalse(dialogs.errors().get(0).contains("\n"));
        assertNull(one.session.sessionFileProperty().get());
        assertFalse(Files.exists(file));
    }

    @Test
    void aModelFileThatLoadsBecomesARecentFileAndABadOneDoesNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-lstm.json");
        ModelFile.write(DemoModels.build(CellType.LSTM, 4, 1, 1), file);
        one.session.openFile(file);
        one.waitForOpen("my-lstm.json");
        assertEquals(List.of(file), one.session.recentFiles());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        one.session.openFile(bad);
        applier.until(() -> !dialogs.errors().isEmpty());
        assertEquals(List.of(file), one.session.recentFiles(), "a file that did not load is not a recent file");
    }

    @Test
    void saveAsksForAFileTheFirstTimeAndThenSavesThere(@TempDir Path dir) throws Exception {
        one.session.open(DemoModels.entries().get(0));
        one.settle();
        dialogs.saveInto(dir);
        one.session.save();
        Path file = dir.resolve("explorer.session.json");
        applier.until(() -> file.equals(one.session.sessionFileProperty().get()));
        dialogs.saveInto(null); // a second save must not ask
        one.trace.jumpTo(3);
        assertTrue(one.session.changedProperty().get());
        one.session.save();
        applier.until(() -> !one.session.changedProperty().get());
        assertEquals(3, SessionFile.read(file).step());
    }
}
