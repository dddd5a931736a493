package org.rnnexplorer.ui.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.training.TaskChoice;
import org.rnnexplorer.ui.training.TrainingSnapshot;

/**
 * The child JVM of {@link KilledTrainingTest}: the window's view models without a window (a thread of its own stands
 * for the JavaFX thread), training the 20-step recall task for a million steps in the Training tab's view model,
 * with the window's recovery ({@link WindowSafety#keepRecovery}) saving every 100 ms into the folder {@code args[0]}.
 * Before each write it appends {@code saving STEP SHA} (the SHA-256 of the weights about to be written) to the file
 * {@code args[1]}, after it prints {@code saved STEP}; it trains until it is killed.
 */
public final class TrainingChild {
    private TrainingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path records = Path.of(args[1]);
        ExecutorService fx = DaemonThreads.single("fx-stand-in");
        FakeDialogService dialogs = new FakeDialogService();
        ExplorerViewModels vms = fx.submit(() -> new ExplorerViewModels(fx, dialogs, folder)).get();
        vms.recovery.beforeWrite(f -> {
            String part = f.parts().get(TrainingRecovery.KEY);
            if (part == null) return;
            TrainingSnapshot s = TrainingRecovery.read(part);
            String record = "saving " + s.step() + " " + SessionFile.fingerprint(s.model()) + "\n";
            try { // appended before the write: whatever the kill interrupts, the file holds a recorded save
                Files.writeString(records, record, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        fx.submit(() -> {
            vms.training.taskProperty().set(TaskChoice.all().get(1));
            vms.training.stepsProperty().set(1_000_000);
            vms.training.train();
        }).get();
        vms.recovery.afterWrite(f -> {
            String part = f.parts().get(TrainingRecovery.KEY);
            if (part == null) return;
            System.out.println("saved " + TrainingRecovery.read(part).step());
            System.out.flush();
        });
        WindowSafety.keepRecovery(vms.recovery, dialogs, fx, Ticker.daemon("recovery-timer"), Duration.ofMillis(100));
        new CountDownLatch(1).await(); // until killed
    }
}
