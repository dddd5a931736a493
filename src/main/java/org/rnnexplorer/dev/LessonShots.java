package org.rnnexplorer.dev;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.rnnexplorer.ui.app.ExplorerWindow;
import org.rnnexplorer.ui.lesson.BundledLessons;
import org.rnnexplorer.ui.lesson.LessonViewModel;

/** The screenshots of lesson mode: a slide of the bundled lesson, and the deck's last slide (the ways to connect). */
final class LessonShots {
    private LessonShots() {
    }

    /** The pictures whose file name contains {@code only} (null: all). */
    static List<String> shoot(Path out, String only) throws Exception {
        List<String> written = new ArrayList<>();
        if (BundledLessons.all().isEmpty()) return written;
        String[] names = {"lesson-slide-lstm-equations.png", "lesson-presenter-cell-state.png", "ways-to-connect.png"};
        int[] slides = {6, 5, 8};
        for (int i = 0; i < names.length; i++) {
            if (only != null && !names[i].contains(only)) continue;
            boolean presenter = i == 1;
            written.add(slide(out, names[i], presenter ? 1920 : 1600, presenter ? 1080 : 1000, slides[i], presenter));
        }
        return written;
    }

    /** Slide {@code k} (from 0) of the first bundled lesson, its auto-play run to its end. */
    private static String slide(Path dir, String name, double w, double h, int k, boolean presenter) throws Exception {
        ExplorerWindow win = ScreenshotTool.onFx(() -> {
            ExplorerWindow ew = ExplorerWindow.create(w, h);
            ew.setFullScreenAllowed(false);
            Stage s = new Stage();
            s.setScene(ew.scene());
            s.show();
            ew.viewModels().view.reducedMotionProperty().set(true);
            ew.viewModels().view.presenterProperty().set(presenter);
            ew.viewModels().lesson.document().openBundled(BundledLessons.all().get(0));
            return ew;
        });
        LessonViewModel lesson = win.viewModels().lesson;
        ScreenshotTool.waitFor(() -> quietly(() -> lesson.slides().size() > k));
        ScreenshotTool.onFx(() -> {
            lesson.go(k);
            return null;
        });
        ScreenshotTool.waitFor(() -> quietly(() -> lesson.shownProperty().get() == k
                && !lesson.autoPlayingProperty().get() && !win.viewModels().trace.busyProperty().get()));
        Thread.sleep(400); // the heatmaps draw their pixels off the FX thread
        WritableImage img = ScreenshotTool.onFx(() -> {
            win.scene().getRoot().applyCss();
            win.scene().getRoot().layout();
            return win.scene().snapshot(null);
        });
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        Path file = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, ".shot", ".png");
        ImageIO.write(bi, "png", tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ScreenshotTool.onFx(() -> {
            ((Stage) win.scene().getWindow()).close();
            return null;
        });
        return file.toString();
    }

    private static boolean quietly(java.util.function.Supplier<Boolean> s) {
        try {
            return ScreenshotTool.onFx(s);
        } catch (Exception e) {
            return false;
        }
    }
}
