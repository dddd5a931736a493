package org.rnnexplorer.dev;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.io.pytorch.ImportOptions;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.app.ExplorerViewModels;
import org.rnnexplorer.ui.app.ExplorerWindow;
import org.rnnexplorer.ui.common.FxTool;
import org.rnnexplorer.ui.explorer.trace.DemoModels;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * {@code screenshots --out DIR}: opens the real explorer window on the bundled LSTM, the GRU and vanilla RNN, a
 * what-if, a 5,000-step input, presenter mode and a classifier checkpoint, and writes a PNG of each (a snapshot of the scene). Without a
 * display it renders off screen with Monocle when Monocle is on the class path.
 */
public final class ScreenshotTool {
    /** Only the pictures whose file name contains this (null: all). */
    private static String only;

    private ScreenshotTool() {
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args) {
        Path out = Path.of("screenshots");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) out = Path.of(args[++i]);
            else if (args[i].equals("--only") && i + 1 < args.length) only = args[++i];
            else if (args[i].equals("--help")) {
                System.out.println("Usage: screenshots [--out DIR] [--only TEXT]   PNGs of the explorer window (default DIR:"
                        + " screenshots; --only: just the files whose name contains TEXT)");
                return 0;
            } else {
                System.err.println("screenshots: unknown option " + args[i] + " (use --out DIR)");
                return 2;
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            System.err.println(out + ": cannot create the folder (" + e.getMessage() + ")");
            return 2;
        }
        try {
            FxTool.start(1920, 1200); // room for the presenter shot
        } catch (UnsupportedOperationException e) {
            System.err.println("screenshots: no display to render on (" + e.getMessage()
                    + "); run it under xvfb-run or with Monocle on the class path");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            for (String f : shoot(out)) if (f != null) System.out.println(f);
            return 0;
        } catch (Exception e) {
            System.err.println("screenshots: " + e);
            return 1;
        } finally {
            Platform.exit();
        }
    }

    static List<String> shoot(Path out) throws Exception {
        List<ModelSource.Bundled> bundled = ModelCatalog.bundled();
        ModelSource lstm = find(bundled, CellType.LSTM, 0);
        ModelSource gru = find(bundled, CellType.GRU, 1);
        ModelSource rnn = find(bundled, CellType.RNN, 2);
        List<String> written = new ArrayList<>();
        written.add(shot(out, "main-lstm.png", 1600, 1000, lstm, false, 17, null, null));
        written.add(shot(out, "main-gru.png", 1600, 1000, gru, false, 17, null, null));
        written.add(shot(out, "main-vanilla-rnn.png", 1600, 1000, rnn, false, 17, null, null));
        written.add(shot(out, "what-if-lstm.png", 1600, 1000, lstm, false, 17, vms -> {
            vms.whatIf.clampGate(1, 0.0); // the forget gate (the update gate of a GRU)
            vms.trace.showWhatIfProperty().set(true);
        }, null));
        written.add(shot(out, "long-input-5000-steps.png", 1600, 1000, lstm, false, 2500, vms -> {
            StringBuilder sb = new StringBuilder();
            String base = vms.trace.inputTextProperty().get() + "\n"; // the model's own example, repeated
            while (sb.length() < 5000) sb.append(base);
            vms.trace.inputTextProperty().set(sb.substring(0, 5000));
        }, null));
        written.add(shot(out, "presenter-lstm.png", 1920, 1080, lstm, true, 17, null, null));
        written.add(shot(out, "gradient-tab-lstm.png", 1600, 1000, lstm, false, 17, null, w -> {
            w.cellTab().sideTabs().getSelectionModel().select(2);
            return w.viewModels().gradient.chartProperty().get() != null;
        }));
        written.add(shot(out, "text-tab-brackets-lstm.png", 1600, 1000, lstm, false, 17, vms ->
                vms.trace.inputTextProperty().set(BracketsTask.text(new Random(123), 3000).substring(0, 3000)),
                TextTabScene::show));
        written.add(zoomedCellState(out, bundled));
        written.add(shot(out, "race-recall-40.png", 1600, 1200, lstm, false, 17, null, LectureScenes::race));
        written.add(shot(out, "connections-lstm.png", 1600, 1000, lstm, false, 17, null, LectureScenes::connections));
        written.add(classifier(out));
        written.add(stepThroughGif(out, lstm));
        written.addAll(LessonShots.shoot(out, only));
        return written;
    }

    /**
     * The Shakespeare LSTM on 30,000 characters of Shakespeare, kept as a compact trace (as a 200,000-character text
     * is), the heatmaps zoomed to about 300 steps: C on its per-unit scale with the legend and the overview strip.
     */
    private static String zoomedCellState(Path out, List<ModelSource.Bundled> bundled) throws Exception {
        ModelSource shakespeare = bundled.stream().filter(b -> b.path().toString().contains("shakespeare")).findFirst()
                .orElse(null);
        if (shakespeare == null) return null;
        Path shared = Path.of("../shared/data/tinyshakespeare.txt");
        String text = org.rnnexplorer.io.TextFile.read(Files.exists(shared) ? shared
                : Path.of("src/test/resources/text/shakespeare-20k.txt"));
        String input = text.substring(0, Math.min(30_000, text.length()));
        int step = input.length() / 2;
        return shot(out, "heatmap-zoom-cell-state.png", 1600, 1100, shakespeare, false, step, vms -> {
            vms.trace.setFullTraceBudget(1 << 20);
            vms.trace.inputTextProperty().set(input);
        }, w -> {
            ExplorerViewModels vms = w.viewModels();
            if (vms.trace.recorder().runningProperty().get() || vms.trace.result().completedSteps() < input.length())
                return false;
            w.cellTab().setDividerPositions(0.3);
            if (vms.heatmapZoom.viewport().isFit()) {
                vms.trace.jumpTo(step);
                vms.heatmapZoom.zoomAt(input.length() / 300.0, (step + 0.5) / input.length());
                return false;
            }
            var c = w.cellTab().heatmaps().views().get(org.rnnexplorer.analysis.Quantity.CELL);
            return c != null && vms.heatmapZoom.viewport().equals(c.viewport());
        });
    }

    /** Export → Step-through as animated GIF, of the LSTM on a short bracket text, as the menu makes it. */
    private static String stepThroughGif(Path dir, ModelSource source) throws Exception {
        Path file = dir.resolve("step-through-lstm.gif");
        if (only != null && !file.getFileName().toString().contains(only)) return null;
        ExplorerWindow[] win = {open(1200, 760, source)};
        Stage[] stage = {(Stage) win[0].scene().getWindow()};
        TraceViewModel trace = win[0].viewModels().trace;
        onFx(() -> {
            trace.inputTextProperty().set("a (b (c)) d");
            return null;
        });
        waitFor(() -> onFxQuietly(() -> trace.steps() == 11 && !trace.busyProperty().get()));
        long before = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        onFx(() -> {
            win[0].exportStepThroughGif(file);
            return null;
        });
        waitFor(() -> onFxQuietly(() -> !win[0].stepThroughGif().runningProperty().get()));
        onFx(() -> {
            stage[0].close();
            return null;
        });
        if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() == before)
            throw new IllegalStateException(file + ": the step-through GIF was not written");
        return file.toString();
    }

    /** The first bundled model of this cell, else the built-in demo. */
    /**
     * A classifier opened from a PyTorch checkpoint: the committed parity fixture (a GRU trained to say whether it has
     * read an even or odd number of a's), its class bars beside the strip, at the step of the 5th "a"; skipped when
     * the file is not there (the tool runs from the repository's root).
     */
    private static String classifier(Path out) throws Exception {
        Path file = Path.of("src/test/resources/checkpoints/parity-gru-classifier.pt");
        if (!Files.isRegularFile(file)) {
            System.err.println("screenshots: " + file + " not found (run from the repository's root): no classifier shot");
            return null;
        }
        ModelSource source = new ModelSource.Checkpoint(file, ImportOptions.NONE);
        return shot(out, "classifier-checkpoint.png", 1600, 1000, source, false, 6,
                vms -> vms.trace.inputTextProperty().set("abcaabacbaaacbab"), null);
    }

    private static ModelSource find(List<ModelSource.Bundled> bundled, CellType cell, int demoIndex) {
        for (ModelSource.Bundled b : bundled) if (b.cell() == cell) return b;
        return DemoModels.entries().get(demoIndex);
    }

    /**
     * A picture of a window of {@code w} × {@code h} on {@code source} at {@code step} (or its first closing bracket);
     * {@code change} may change the view models first, and {@code view} (run on the FX thread until it returns true)
     * the view.
     */
    private static String shot(Path dir, String name, double w, double h, ModelSource source, boolean presenter,
                               int step, Consumer<ExplorerViewModels> change,
                               Function<ExplorerWindow, Boolean> view) throws Exception {
        if (only != null && !name.contains(only)) return null;
        ExplorerWindow[] win = {open(w, h, source)};
        Stage[] stage = {(Stage) win[0].scene().getWindow()};
        ExplorerViewModels vms = win[0].viewModels();
        TraceViewModel trace = vms.trace;
        if (change != null) {
            long before = onFx(() -> System.identityHashCode(trace.result()));
            onFx(() -> {
                change.accept(vms);
                return null;
            });
            waitFor(() -> onFxQuietly(() -> System.identityHashCode(trace.result()) != before
                    && !trace.busyProperty().get()));
        }
        onFx(() -> {
            // a closing bracket, where a bracket model's cell state changes, else the step asked for
            int close = trace.result().input().tokens().indexOf(")");
            trace.jumpTo(Math.min(close > 0 && step < 100 ? close : step, trace.steps() - 1));
            vms.view.presenterProperty().set(presenter);
            return null;
        });
        if (view != null) waitFor(() -> onFxQuietly(() -> view.apply(win[0])), 900); // the race trains for real
        Thread.sleep(400); // the heatmaps of a long input draw their pixels off the FX thread
        Path file = dir.resolve(name);
        WritableImage img = onFx(() -> {
            win[0].scene().getRoot().applyCss();
            win[0].scene().getRoot().layout();
            return win[0].scene().snapshot(null);
        });
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        Path tmp = Files.createTempFile(dir, ".shot", ".png");
        ImageIO.write(bi, "png", tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        onFx(() -> {
            stage[0].close();
            return null;
        });
        return file.toString();
    }

    /** A window of w × h on a stage of its own, motion reduced, presenter mode not full screen, on {@code source}. */
    private static ExplorerWindow open(double w, double h, ModelSource source) throws Exception {
        ExplorerWindow win = onFx(() -> {
            ExplorerWindow ew = ExplorerWindow.create(w, h);
            ew.setFullScreenAllowed(false);
            Stage s = new Stage();
            s.setScene(ew.scene());
            s.setTitle("RNN Explorer");
            s.show();
            ew.viewModels().view.reducedMotionProperty().set(true);
            ew.viewModels().trace.open(source);
            return ew;
        });
        TraceViewModel trace = win.viewModels().trace;
        waitFor(() -> onFxQuietly(() -> trace.sourceProperty().get() == source && trace.result() != null));
        return win;
    }

    static <T> T onFx(Supplier<T> s) {
        return FxTool.onFx(s, 30);
    }

    private static boolean onFxQuietly(Supplier<Boolean> s) {
        try {
            return onFx(s);
        } catch (Exception e) {
            return false;
        }
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        waitFor(cond, 30);
    }

    static void waitFor(BooleanSupplier cond, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for the window");
            Thread.sleep(50);
        }
    }
}
