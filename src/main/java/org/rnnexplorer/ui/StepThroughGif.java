package org.rnnexplorer.ui;

import org.rnnexplorer.ui.common.DaemonThreads;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.rnnexplorer.ui.export.AnimatedGif;
import org.rnnexplorer.ui.export.NodeSnapshots;

/**
 * "Step-through as animated GIF": one frame per step, the sequence strip above the cell diagram. The snapshots are
 * taken on the JavaFX thread one step per timeline tick (so the window keeps repainting and answering between
 * frames), with a progress dialog whose Cancel stops it and writes nothing; the GIF is encoded and written
 * atomically on a background thread. The step and the motion setting the user had are restored afterwards.
 */
public final class StepThroughGif {
    /** At most this many steps (the first ones): a frame of a 1600-pixel window is ~5 MB until it is encoded. */
    public static final int MAX_STEPS = 100;
    public static final int DELAY_MS = 400;
    /** Time between two frames: enough for a pulse to repaint the window in between. */
    static final int TICK_MS = 20;

    private final ExecutorService writer = DaemonThreads.single("gif-writer");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Timeline timeline;
    private Alert dialog;
    /** Frames after which the capture waits (for a test to press Cancel mid-way); unlimited by default. */
    private int pauseAfter = Integer.MAX_VALUE;

    /** Takes the frames and writes {@code file}; {@code onError} gets one line naming the file. FX thread. */
    public void export(ExplorerViewModel vm, Node diagram, Node strip, Path file, Window owner, Consumer<String> onError) {
        int n = Math.min(vm.steps(), MAX_STEPS);
        if (n == 0 || running.get()) return;
        running.set(true);
        int stepBefore = vm.stepProperty().get();
        boolean reducedBefore = vm.reducedMotionProperty().get();
        boolean changedBefore = vm.changedProperty().get();
        vm.playingProperty().set(false);
        vm.reducedMotionProperty().set(true); // a frame shows the step, not a blend on its way there

        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(320);
        Label what = new Label("Frame 0 of " + n + (vm.steps() > n ? " (the first " + n + " of " + vm.steps() + " steps)" : ""));
        VBox box = new VBox(8, what, bar);
        box.setPadding(new Insets(10));
        dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        dialog.setTitle("Step-through as GIF");
        dialog.setHeaderText("Taking a picture of each step…");
        dialog.getDialogPane().setContent(box);
        if (owner != null) dialog.initOwner(owner);

        List<BufferedImage> frames = new ArrayList<>(n);
        boolean[] done = {false};
        Runnable restore = () -> {
            timeline.stop();
            vm.jumpTo(stepBefore);
            vm.reducedMotionProperty().set(reducedBefore);
            vm.restoreChanged(changedBefore); // stepping through for the pictures is no change of the session
        };
        timeline = new Timeline(new KeyFrame(Duration.millis(TICK_MS), e -> {
            int t = frames.size();
            vm.jumpTo(t);
            frames.add(frame(strip, diagram));
            bar.setProgress((double) frames.size() / n);
            what.setText("Frame " + frames.size() + " of " + n);
            if (frames.size() == pauseAfter && frames.size() < n) timeline.pause();
            if (frames.size() == n) {
                done[0] = true;
                restore.run();
                dialog.close();
                writer.execute(() -> {
                    try {
                        AnimatedGif.write(file, frames, DELAY_MS);
                        Platform.runLater(() -> running.set(false));
                    } catch (RuntimeException ex) {
                        String m = ExplorerViewModel.oneLine(ex);
                        String name = file.getFileName().toString();
                        String msg = m.startsWith(name) || m.startsWith(file.toString()) ? m : name + ": " + m;
                        Platform.runLater(() -> {
                            running.set(false);
                            onError.accept(msg);
                        });
                    }
                });
            }
        }));
        timeline.setCycleCount(n);
        dialog.setOnHidden(e -> {
            if (done[0]) return;
            restore.run(); // cancelled: no frame more, nothing written
            frames.clear();
            running.set(false);
        });
        dialog.show();
        timeline.play();
    }

    /** Makes the next export wait after {@code k} frames, its dialog still open, until it is cancelled. */
    void pauseAfter(int k) {
        pauseAfter = k;
    }

    /** Cancel, as the dialog's button does. */
    public void cancel() {
        if (dialog != null && dialog.isShowing()) dialog.close();
    }

    /** True from the first frame until the file is written (or the export is cancelled or failed). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The strip above the diagram, on white. */
    static BufferedImage frame(Node strip, Node diagram) {
        BufferedImage top = snapshot(strip), bottom = snapshot(diagram);
        BufferedImage out = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()),
                top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, top.getHeight(), null);
        g.dispose();
        return out;
    }

    private static BufferedImage snapshot(Node node) {
        node.applyCss();
        if (node instanceof Parent p) p.layout();
        return NodeSnapshots.image(node, 1);
    }
}
