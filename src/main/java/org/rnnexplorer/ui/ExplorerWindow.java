package org.rnnexplorer.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Builds the explorer scene from {@code explorer.fxml} and {@code explorer.css}. */
public final class ExplorerWindow {
    private final Scene scene;
    private final ExplorerController controller;

    private ExplorerWindow(Scene scene, ExplorerController controller) {
        this.scene = scene;
        this.controller = controller;
    }

    public static ExplorerWindow create(double width, double height) {
        FXMLLoader loader = new FXMLLoader(ExplorerWindow.class.getResource("explorer.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ExplorerWindow.class.getResource("explorer.css").toExternalForm());
        return new ExplorerWindow(scene, loader.getController());
    }

    /** Shows the window on {@code stage}, sized to most of the screen (at most 1600 × 1000). */
    public static ExplorerWindow show(Stage stage) {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        ExplorerWindow w = create(Math.min(1600, b.getWidth() * 0.95), Math.min(1000, b.getHeight() * 0.95));
        stage.setScene(w.scene);
        stage.titleProperty().bind(w.controller.viewModel().titleProperty());
        stage.setOnHidden(e -> w.controller.viewModel().close());
        w.controller.guardClose(stage);
        stage.show();
        return w;
    }

    public Scene scene() {
        return scene;
    }

    public ExplorerController controller() {
        return controller;
    }
}
