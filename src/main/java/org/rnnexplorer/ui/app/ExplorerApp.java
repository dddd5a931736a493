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
        // a file given on the command line (the desktop's "Open with"): a session, or a model file
        for (String arg : getParameters().getRaw()) {
            java.nio.file.Path file = java.nio.file.Path.of(arg);
            if (arg.endsWith(".session.json")) w.viewModels().session.openSession(file);
            else w.viewModels().session.openFile(file);
        }
    }
}
