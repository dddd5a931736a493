package org.rnnexplorer.ui.opening;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * A file dragged onto the window opens there (a model file, a session or a checkpoint), as Model → Open… would;
 * a drag of several files offers to open one only, the first.
 */
public final class FileDrop {
    private FileDrop() {
    }

    /** Accepts dragged files anywhere on {@code scene}; a drop hands the first to {@code open}. */
    public static void install(Scene scene, Consumer<Path> open) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Path f = dropped(e.getDragboard());
            e.setDropCompleted(f != null);
            e.consume();
            if (f != null) open.accept(f);
        });
    }

    /** The first file of a drop, or null when it holds none. */
    static Path dropped(Dragboard board) {
        List<File> files = board.hasFiles() ? board.getFiles() : List.of();
        return files.isEmpty() ? null : files.get(0).toPath();
    }
}
