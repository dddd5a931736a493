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
        ExplorerWindow.show(stage);
    }
}
