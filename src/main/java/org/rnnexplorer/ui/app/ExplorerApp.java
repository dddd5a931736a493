package org.rnnexplorer.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rnnexplorer.ui.safety.RecoveryScheduler;
import org.rnnexplorer.ui.safety.StateFolder;
import org.rnnexplorer.ui.safety.Ticker;
import org.rnnexplorer.ui.safety.WindowSafety;

/**
 * The explorer window as the app: uncaught exceptions are logged and told, the unsaved work is kept in a recovery
 * file every 30 s (and offered back after a crash), and a clean exit removes it.
 */
public class ExplorerApp extends Application {
    private WindowSafety safety;

    public static void launchWindow(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ExplorerWindow w = ExplorerWindow.show(stage);
        ExplorerViewModels vms = w.viewModels();
        WindowSafety.reportCrashes(StateFolder.resolve(), vms.dialogs, Platform::runLater);
        safety = WindowSafety.keepRecovery(vms.recovery, vms.dialogs, Platform::runLater, Ticker.daemon("recovery-timer"),
                RecoveryScheduler.PERIOD);
        // saved work leaves the recovery file at once, not at the next tick
        safety.saveWhenCleared(vms.session.changedProperty(), vms.session.trainedUnsavedProperty());
        // a file given on the command line (the desktop's "Open with"): a model file, a session or a checkpoint
        java.nio.file.Path file = fileArgument(getParameters().getRaw());
        if (file != null) vms.opening.open(file);
    }

    /** The file the window opens: the one argument that is not an option, or null (no argument). */
    public static java.nio.file.Path fileArgument(java.util.List<String> args) {
        if (args.isEmpty()) return null;
        if (args.size() > 1 || args.get(0).startsWith("-"))
            throw new IllegalArgumentException("the window takes one file to open (a model file, a session or a PyTorch"
                    + " checkpoint), given " + String.join(" ", args));
        return java.nio.file.Path.of(args.get(0));
    }

    @Override
    public void stop() {
        if (safety != null) safety.close();
    }
}
