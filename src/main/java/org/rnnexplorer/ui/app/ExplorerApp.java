package org.rnnexplorer.ui.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The explorer window. */
public class ExplorerApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ExplorerWindow w = ExplorerWindow.show(stage);
        // a file given on the command line (the desktop's "Open with"): a model file, a session or a checkpoint
        java.nio.file.Path file = fileArgument(getParameters().getRaw());
        if (file != null) w.viewModels().opening.open(file);
    }

    /** The file the window opens: the one argument that is not an option, or null (no argument). */
    public static java.nio.file.Path fileArgument(java.util.List<String> args) {
        if (args.isEmpty()) return null;
        if (args.size() > 1 || args.get(0).startsWith("-"))
            throw new IllegalArgumentException("the window takes one file to open (a model file, a session or a PyTorch"
                    + " checkpoint), given " + String.join(" ", args));
        return java.nio.file.Path.of(args.get(0));
    }
}
