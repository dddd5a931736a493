package org.rnnexplorer.ui.lesson;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javax.imageio.ImageIO;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.export.NodeSnapshots;

/**
 * Exports a lesson as a handout (a PDF, a page per slide) or as PNGs (one per slide, {@code slide-01.png}, ...):
 * each slide is shown in turn without its auto-play, the window is snapshot once the slide's view is on screen, and
 * the caption is taken as filled in then; afterwards the slide that was shown comes back. Encoding and writing run
 * off the JavaFX thread, atomically (a folder of PNGs all or none).
 */
public final class LessonExport {
    static final double SCALE = 1.5;
    private final LessonViewModel lesson;
    private final DialogService dialogs;
    private final ExecutorService writer = DaemonThreads.single("lesson-export");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Node window;

    LessonExport(LessonViewModel lesson, DialogService dialogs) {
        this.lesson = lesson;
        this.dialogs = dialogs;
    }

    /** The node each page shows (the window's root). */
    public void snapshotOf(Node node) {
        window = node;
    }

    public void chooseAndExportPdf() {
        Path f = dialogs.chooseFileToSave("Export the lesson as a PDF handout", "handout.pdf", "pdf");
        if (f != null) exportPdf(f, () -> { });
    }

    public void chooseAndExportPngs() {
        Path f = dialogs.chooseFileToSave("Export the slides as PNGs into a new folder", "slides", "");
        if (f != null) exportPngs(f, () -> { });
    }

    /** Writes the handout to {@code file}, then runs {@code done} (on the FX thread). */
    public void exportPdf(Path file, Runnable done) {
        String title = lesson.titleProperty().get();
        collect(pages -> write(file, () -> AtomicFiles.write(file, out -> out.write(HandoutPdf.pdf(title, pages))), done));
    }

    /** Writes one PNG per slide into {@code folder} (made if needed), then runs {@code done}. */
    public void exportPngs(Path folder, Runnable done) {
        collect(pages -> write(folder, () -> {
            Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
            for (int k = 0; k < pages.size(); k++) {
                BufferedImage img = pages.get(k).view();
                files.put(String.format("slide-%02d.png", k + 1), out -> ImageIO.write(img, "png", out));
            }
            AtomicFiles.writeAll(folder, files);
        }, done));
    }

    /** Shows each slide, snapshots it, then shows the slide of before again and hands the pages over. */
    private void collect(Consumer<List<HandoutPdf.Page1>> then) {
        int n = lesson.slides().size();
        if (running.get() || n == 0 || window == null) return;
        running.set(true);
        int before = Math.max(0, lesson.indexProperty().get());
        List<HandoutPdf.Page1> pages = new ArrayList<>();
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            int k = pages.size();
            if (k == n) {
                lesson.show(before, false, () -> then.accept(pages));
                return;
            }
            lesson.show(k, false, () -> Platform.runLater(() -> {
                pages.add(new HandoutPdf.Page1(NodeSnapshots.image(window, SCALE), lesson.captionProperty().get()));
                step[0].run();
            }));
        };
        step[0].run();
    }

    private void write(Path target, Runnable job, Runnable done) {
        writer.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                String message = Messages.naming(target, e);
                Platform.runLater(() -> {
                    running.set(false);
                    dialogs.showError("Could not export the lesson", message);
                });
                return;
            }
            Platform.runLater(() -> {
                running.set(false);
                done.run();
            });
        });
    }

    /** An export is collecting or writing. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
