package org.rnnexplorer.ui.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.RecoveryFile;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.training.TrainingSnapshot;

/**
 * kill -9 in the middle of training loses at most the last few seconds: a child JVM ({@link TrainingChild}) trains in
 * the Training tab's view model with the window's recovery on; once it has saved weights of a step past 0 it is
 * killed outright, and the next start (this JVM, the same view models and {@link RecoveryOffer}) offers the work
 * back and restores exactly the weights the child wrote last.
 */
class KilledTrainingTest {
    @TempDir
    Path dir;

    @Test
    void weightsOfARunKilledMidTrainingAreOfferedAndRestoredAtTheNextStart() throws Exception {
        Path records = dir.resolve("saves.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                TrainingChild.class.getName(), dir.toString(), records.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            // a hang guard only: the child's first save comes within seconds even on a loaded machine
            assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("saved ") && Integer.parseInt(line.substring(6)) > 0) return;
                }
                throw new AssertionError("the child ended before it saved: " + lines);
            });
            assertTrue(child.isAlive(), "still training when killed");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean exit
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        }
        List<String> saves = Files.readAllLines(records);
        Path left = dir.resolve("recovery-" + child.pid() + ".json");
        assertTrue(Files.isRegularFile(left), "the killed run's recovery file stays: " + left);
        assertTrue(saves.stream().noneMatch(l -> l.startsWith("saving 0 ")), "no save before the first update");

        // the next start: the window's view models, asked whether to restore (the user says Restore)
        QueueApplier applier = new QueueApplier();
        FakeDialogService dialogs = new FakeDialogService().answer("Restore");
        ExplorerViewModels vms = new ExplorerViewModels(applier, dialogs, dir);
        try {
            assertEquals(List.of(left), vms.recovery.leftovers(), "the dead process's file is left over");
            new RecoveryOffer(vms.recovery, dialogs, applier, Runnable::run, () -> { }).offer();
            applier.until(() -> vms.training.trainedModelProperty().get() != null);
            assertEquals(List.of(RecoveryOffer.HEADER), dialogs.questions(), "the offer was made");
            assertEquals(List.of(), dialogs.errors());

            TrainingSnapshot restored = vms.training.unsavedWeights();
            assertNotNull(restored);
            assertTrue(restored.step() > 0, "weights after training steps: " + restored.step());
            String sha = SessionFile.fingerprint(vms.training.trainedModelProperty().get());
            assertTrue(saves.contains("saving " + restored.step() + " " + sha),
                    "the restored weights are those the child wrote at step " + restored.step() + ": " + saves);
            assertTrue(vms.training.statusProperty().get().startsWith(String.format(Locale.ROOT,
                    "Restored the weights of step %,d of 1,000,000 of a run cut short", restored.step())),
                    vms.training.statusProperty().get());
            assertEquals(String.format(Locale.ROOT, "the weights of an LSTM trained for %,d of 1,000,000 steps"
                    + " (Recall a symbol after 20 steps)", restored.step()),
                    vms.recovery.part(TrainingRecovery.KEY).describe(RecoveryFile.read(vms.recovery.file()).parts()
                            .get(TrainingRecovery.KEY)));
            assertFalse(Files.exists(left), "the restored file became this run's own");
            assertEquals(sha, SessionFile.fingerprint(TrainingRecovery.read(
                    RecoveryFile.read(vms.recovery.file()).parts().get(TrainingRecovery.KEY)).model()));
        } finally {
            vms.close();
        }
    }
}
