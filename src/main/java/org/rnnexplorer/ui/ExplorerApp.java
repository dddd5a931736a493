package org.rnnexplorer.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The explorer window. */
public class ExplorerApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("RNN Explorer"));
        stage.setTitle("RNN Explorer");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
