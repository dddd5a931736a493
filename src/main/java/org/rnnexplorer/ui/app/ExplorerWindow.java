package org.rnnexplorer.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.FxDialogService;
import org.rnnexplorer.ui.explorer.CellTab;
import org.rnnexplorer.ui.export.StepThroughGif;

/** One explorer window: its view models, and the scene built from {@code explorer.fxml} and {@code explorer.css}. */
public final class ExplorerWindow {
    private final Scene scene;
    private final MainController controller;
    private final ExplorerViewModels viewModels;

    private ExplorerWindow(Scene scene, MainController controller, ExplorerViewModels viewModels) {
        this.scene = scene;
        this.controller = controller;
        this.viewModels = viewModels;
    }

    /** A window of this size asking the user through JavaFX dialogs. */
    public static ExplorerWindow create(double width, double height) {
        Window[] owner = new Window[1];
        ExplorerWindow w = create(width, height, new FxDialogService(() -> owner[0]));
        w.scene.windowProperty().addListener((o, a, b) -> owner[0] = b);
        return w;
    }

    /** A window of this size asking the user through {@code dialogs} (tests give one that answers by itself). */
    public static ExplorerWindow create(double width, double height, DialogService dialogs) {
        ExplorerViewModels vms = new ExplorerViewModels(Platform::runLater, dialogs);
        FXMLLoader loader = new FXMLLoader(ExplorerWindow.class.getResource("explorer.fxml"));
        loader.setControllerFactory(type -> new MainController(vms));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ExplorerWindow.class.getResource("explorer.css").toExternalForm());
        return new ExplorerWindow(scene, loader.getController(), vms);
    }

    /** Shows the window on {@code stage}, sized to most of the screen (at most 1600 × 1000). */
    public static ExplorerWindow show(Stage stage) {
        Rectangle2D b = screenShare();
        return show(stage, create(b.getWidth(), b.getHeight()));
    }

    /** The same, asking the user through {@code dialogs}. */
    public static ExplorerWindow show(Stage stage, DialogService dialogs) {
        Rectangle2D b = screenShare();
        return show(stage, create(b.getWidth(), b.getHeight(), dialogs));
    }

    private static Rectangle2D screenShare() {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        return new Rectangle2D(0, 0, Math.min(1600, b.getWidth() * 0.95), Math.min(1000, b.getHeight() * 0.95));
    }

    /**
     * Shows {@code w} on {@code stage}: the title follows the session, closing with trained weights in no file asks
     * first, and the background threads stop with the window.
     */
    public static ExplorerWindow show(Stage stage, ExplorerWindow w) {
        stage.setScene(w.scene);
        stage.titleProperty().bind(w.viewModels.session.titleProperty());
        stage.setOnHidden(e -> w.viewModels.close());
        stage.setOnCloseRequest(e -> {
            if (!w.viewModels.session.trainedUnsavedProperty().get()) return;
            e.consume();
            w.viewModels.session.unlessUnsaved(stage::hide);
        });
        stage.show();
        return w;
    }

    public Scene scene() {
        return scene;
    }

    public ExplorerViewModels viewModels() {
        return viewModels;
    }

    /** The cell tab (its diagram is what the step-through GIF and the screenshots show). */
    public CellTab cellTab() {
        return controller.cellTab();
    }

    public StepThroughGif stepThroughGif() {
        return controller.stepThroughGif();
    }

    /** Export → Step-through as animated GIF into {@code file}, without asking where. */
    public void exportStepThroughGif(Path file) {
        controller.exportStepThroughGif(file);
    }

    /** Presenter mode without full screen (for screenshots and tests on a fixed-size window). */
    public void setFullScreenAllowed(boolean allowed) {
        controller.setFullScreenAllowed(allowed);
    }
}
