package org.rnnexplorer.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;

/**
 * The session part of the recovery: what is on screen with changes no file holds (trained weights, input, unit,
 * step, what-ifs, sliders) comes back as it was in the next window, still counted as unsaved.
 */
class SessionRecoveryTest {
    @TempDir
    Path dir;
    final QueueApplier applier = new QueueApplier();

    static RnnModel numericGru() {
        RnnModel m = RnnModel.zeros(CellType.GRU, 2, 4, 1, 0, 0, null, null);
        for (int i = 0; i < m.layer(0).wIh.data.length; i++) m.layer(0).wIh.data[i] = 0.1 * ((i % 7) - 3);
        for (int i = 0; i < m.layer(0).wHh.data.length; i++) m.layer(0).wHh.data[i] = 0.05 * ((i % 5) - 2);
        return m;
    }

    void settle(ExplorerViewModels vms) throws InterruptedException {
        applier.until(() -> vms.trace.result() != null && !vms.trace.busyProperty().get());
    }

    @Test
    void trainedWeightsAndTheSelectionComeBackInTheNextWindowStillUnsaved() throws Exception {
        try (ExplorerViewModels one = new ExplorerViewModels(applier, new FakeDialogService(), dir);
             ExplorerViewModels two = new ExplorerViewModels(applier, new FakeDialogService(), dir)) {
            SessionRecovery part = (SessionRecovery) one.recovery.part(SessionRecovery.KEY);
            RnnModel m = numericGru();
            one.session.openTrained(m);
            settle(one);
            one.trace.inputTextProperty().set("0.5, 1\n-0.25, 2\n0.125, -1\n");
            settle(one);
            one.trace.selectUnit(2);
            one.trace.jumpTo(1);
            one.whatIf.clampGate(1, 1.0);
            one.playback.stepsPerSecondProperty().set(4.5);
            settle(one);
            Supplier<String> captured = part.capture();
            String json = captured.get();
            assertEquals("a session with weights trained in the app: GRU, 3 steps of input, 1 what-if", part.describe(json));

            two.recovery.part(SessionRecovery.KEY).restore(json);
            applier.until(() -> two.trace.steps() == 3 && !two.trace.busyProperty().get()
                    && two.session.changedProperty().get());
            assertEquals(SessionFile.fingerprint(m), SessionFile.fingerprint(two.trace.modelProperty().get()));
            assertEquals(1, two.trace.stepProperty().get());
            assertEquals(2, two.trace.unitProperty().get());
            assertEquals(List.copyOf(one.trace.whatIfs()), List.copyOf(two.trace.whatIfs()));
            assertEquals(4.5, two.playback.stepsPerSecondProperty().get(), 0.0);
            assertTrue(two.session.trainedUnsavedProperty().get(), "closing asks to save the weights");
            assertEquals("• RNN Explorer — trained in the app (GRU)", two.session.titleProperty().get());
        }
    }

    @Test
    void anUnchangedModelIsNothingToRecoverAndABrokenPartIsOneLine() throws Exception {
        try (ExplorerViewModels vms = new ExplorerViewModels(applier, new FakeDialogService(), dir)) {
            Recoverable part = vms.recovery.part(SessionRecovery.KEY);
            assertNull(part.capture(), "nothing open");
            vms.session.openFile(dir.resolve("missing.json"));
            applier.until(() -> !vms.trace.busyProperty().get());
            assertNull(part.capture());
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> part.restore("{\"session\": {\"format\": \"rnn-explorer-session\"}, \"trainedUnsaved\": true}"));
            assertTrue(e.getMessage().equals("the recovered session: \"version\" is missing") && !e.getMessage().contains("\n"),
                    e.getMessage());
        }
    }

    @Test
    void trainedWeightsGoToTheRecoveryFileAtATickAndLeaveItWhenTheSessionIsSaved() throws Exception {
        FakeDialogService dialogs = new FakeDialogService();
        try (ExplorerViewModels vms = new ExplorerViewModels(applier, dialogs, dir)) {
            RecoverySchedulerTest.HandTicker ticker = new RecoverySchedulerTest.HandTicker();
            WindowSafety safety = WindowSafety.keepRecovery(vms.recovery, dialogs, applier, ticker,
                    RecoveryScheduler.PERIOD, new RecoveryScheduler(vms.recovery, applier, new RecoverySchedulerTest.Direct()));
            safety.saveWhenCleared(vms.session.changedProperty(), vms.session.trainedUnsavedProperty());
            vms.session.openTrained(numericGru());
            settle(vms);
            ticker.turn();
            applier.until(() -> java.nio.file.Files.exists(vms.recovery.file()));
            assertEquals(java.util.Set.of(SessionRecovery.KEY),
                    org.rnnexplorer.io.RecoveryFile.read(vms.recovery.file()).parts().keySet());

            Path saved = dir.resolve("trained.session.json");
            vms.session.saveSession(saved, () -> { });
            applier.until(() -> saved.equals(vms.session.sessionFileProperty().get())
                    && !java.nio.file.Files.exists(vms.recovery.file()));
            assertEquals(List.of(), dialogs.errors());
            safety.close();
        }
    }
}
