package org.rnnexplorer.ui.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
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
import org.rnnexplorer.ui.common.DaemonThreads;
import org.rnnexplorer.ui.common.DialogService;
import org.rnnexplorer.ui.common.Messages;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.playback.PlaybackViewModel;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.session.SessionViewModel;

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
    private final TraceViewModel trace;
    private final PlaybackViewModel playback;
    private final ViewOptions view;
    private final SessionViewModel session;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Timeline timeline;
    private Alert dialog;
    /** Frames after which the capture waits (for a test to press Cancel mid-way); unlimited by default. */
    private int pauseAfter = Integer.MAX_VALUE;

    public StepThroughGif(TraceViewModel trace, PlaybackViewModel playback, ViewOptions view, SessionViewModel session,
                          DialogService dialogs) {
        this.trace = trace;
        this.playback = playback;
        this.view = view;
        this.session = session;
        this.dialogs = dialogs;
    }

    /** Asks where, then takes the frames of {@code diagram} under {@code strip} and writes the GIF. FX thread. */
    public void chooseAndExport(Node diagram, Node strip) {
        if (trace.steps() == 0) return;
        Path f = dialogs.chooseFileToSave("Save step-through as GIF", "step-through.gif", "gif");
        if (f != null) export(diagram, strip, f);
    }

    /** Takes the frames and writes {@code file}; a failure is shown as one line naming the file. FX thread. */
    public void export(Node diagram, Node strip, Path file) {
        int steps = trace.steps(), n = Math.min(steps, MAX_STEPS);
        if (n == 0 || running.get()) return;
        running.set(true);
        int stepBefore = trace.stepProperty().get();
        boolean reducedBefore = view.reducedMotionProperty().get();
        boolean changedBefore = session.changedProperty().get();
        playback.playingProperty().set(false);
        view.reducedMotionProperty().set(true); // a frame shows the step, not a blend on its way there

        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(320);
        Label what = new Label("Frame 0 of " + n + (steps > n ? " (the first " + n + " of " + steps + " steps)" : ""));
        VBox box = new VBox(8, what, bar);
        box.setPadding(new Insets(10));
        dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        dialog.setTitle("Step-through as GIF");
        dialog.setHeaderText("Taking a picture of each step…");
        dialog.getDialogPane().setContent(box);
        Window owner = diagram.getScene() == null ? null : diagram.getScene().getWindow();
        if (owner != null) dialog.initOwner(owner);

        List<BufferedImage> frames = new ArrayList<>(n);
        boolean[] done = {false};
        Runnable restore = () -> {
            timeline.stop();
            trace.jumpTo(stepBefore);
            view.reducedMotionProperty().set(reducedBefore);
            session.restoreChanged(changedBefore); // stepping through for the pictures is no change of the session
        };
        timeline = new Timeline(new KeyFrame(Duration.millis(TICK_MS), e -> {
            int t = frames.size();
            trace.jumpTo(t);
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
                        String msg = Messages.naming(file, ex);
                        Platform.runLater(() -> {
                            running.set(false);
                            dialogs.showError("Could not save the file", msg);
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

    /** Makes the next export wait after {@code k} frames, its dialog still open, until it is cancelled (tests). */
    public void pauseAfter(int k) {
        pauseAfter = k;
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
