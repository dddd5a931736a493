package org.rnnexplorer.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code screenshots --out DIR}: opens the real explorer window on the bundled LSTM, the GRU and vanilla RNN, a
 * what-if, a 5,000-step input and presenter mode, and writes a PNG of each (a snapshot of the scene). Without a
 * display it renders off screen with Monocle when Monocle is on the class path.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args) {
        Path out = Path.of("screenshots");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) out = Path.of(args[++i]);
            else if (args[i].equals("--help")) {
                System.out.println("Usage: screenshots [--out DIR]   PNGs of the explorer window (default DIR: screenshots)");
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
        if (System.getenv("DISPLAY") == null && monocleAvailable()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1920x1200-32"); // room for the presenter shot
        }
        System.setProperty("rnnexplorer.noPrefs", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (UnsupportedOperationException | Error e) {
            System.err.println("screenshots: no display to render on (" + e.getMessage()
                    + "); run it under xvfb-run or with Monocle on the class path");
            return 2;
        }
        try {
            started.await();
            Platform.setImplicitExit(false);
            for (String f : shoot(out)) System.out.println(f);
            return 0;
        } catch (Exception e) {
            System.err.println("screenshots: " + e);
            return 1;
        } finally {
            Platform.exit();
        }
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static List<String> shoot(Path out) throws Exception {
        List<ModelEntry> bundled = ModelCatalog.bundled();
        ModelEntry lstm = find(bundled, "lstm", 0);
        ModelEntry gru = find(bundled, "gru", 1);
        ModelEntry rnn = find(bundled, "rnn", 2);
        List<String> written = new java.util.ArrayList<>();
        written.add(shot(out, "main-lstm.png", 1600, 1000, lstm, false, 17, null));
        written.add(shot(out, "main-gru.png", 1600, 1000, gru, false, 17, null));
        written.add(shot(out, "main-vanilla-rnn.png", 1600, 1000, rnn, false, 17, null));
        written.add(shot(out, "what-if-lstm.png", 1600, 1000, lstm, false, 17, vm -> {
            vm.clampGate(1, 0.0); // the forget gate (the update gate of a GRU)
            vm.showWhatIfProperty().set(true);
        }));
        written.add(shot(out, "long-input-5000-steps.png", 1600, 1000, lstm, false, 2500, vm -> {
            StringBuilder sb = new StringBuilder();
            String base = vm.inputTextProperty().get() + "\n"; // the model's own example, repeated
            while (sb.length() < 5000) sb.append(base);
            vm.inputTextProperty().set(sb.substring(0, 5000));
        }));
        written.add(shot(out, "presenter-lstm.png", 1920, 1080, lstm, true, 17, null));
        written.add(shot(out, "gradient-tab-lstm.png", 1600, 1000, lstm, false, 17, null, c -> {
            c.sideTabs().getSelectionModel().select(c.gradientTab);
            return c.viewModel().gradientChartProperty().get() != null;
        }));
        written.add(stepThroughGif(out, lstm));
        return written;
    }

    /** Export → Step-through as animated GIF, of the LSTM on a short bracket text, as the menu makes it. */
    private static String stepThroughGif(Path dir, ModelEntry entry) throws Exception {
        Path file = dir.resolve("step-through-lstm.gif");
        ExplorerWindow[] win = new ExplorerWindow[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            ExplorerWindow ew = ExplorerWindow.create(1200, 760);
            Stage s = new Stage();
            s.setScene(ew.scene());
            s.show();
            win[0] = ew;
            stage[0] = s;
            ew.controller().viewModel().reducedMotionProperty().set(true);
            ew.controller().viewModel().open(entry);
            ew.controller().setSaveLocation((owner, title, suggested, extension) -> file);
            return null;
        });
        ExplorerViewModel vm = win[0].controller().viewModel();
        waitFor(() -> onFxQuietly(() -> vm.entryProperty().get() == entry && vm.result() != null));
        onFx(() -> {
            vm.inputTextProperty().set("a (b (c)) d");
            return null;
        });
        waitFor(() -> onFxQuietly(() -> vm.steps() == 11 && !vm.busyProperty().get()));
        long before = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        onFx(() -> {
            win[0].controller().exportGif();
            return null;
        });
        waitFor(() -> onFxQuietly(() -> !win[0].controller().stepThroughGif().runningProperty().get()));
        onFx(() -> {
            stage[0].close();
            return null;
        });
        if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() == before)
            throw new IllegalStateException(file + ": the step-through GIF was not written");
        return file.toString();
    }

    /** The first bundled model of this cell, else the built-in demo. */
    private static ModelEntry find(List<ModelEntry> bundled, String cell, int demoIndex) {
        return bundled.stream().filter(e -> cell.equals(e.cell())).findFirst()
                .orElse(DemoModels.entries().get(demoIndex));
    }

    private static String shot(Path dir, String name, double w, double h, ModelEntry entry, boolean presenter, int step,
                               java.util.function.Consumer<ExplorerViewModel> change) throws Exception {
        return shot(dir, name, w, h, entry, presenter, step, change, null);
    }

    /** {@code view} (run on the FX thread until it returns true) may change the view before the picture. */
    private static String shot(Path dir, String name, double w, double h, ModelEntry entry, boolean presenter, int step,
                               java.util.function.Consumer<ExplorerViewModel> change,
                               java.util.function.Function<ExplorerController, Boolean> view) throws Exception {
        ExplorerWindow[] win = new ExplorerWindow[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            ExplorerWindow ew = ExplorerWindow.create(w, h);
            ew.controller().setFullScreenAllowed(false);
            Stage s = new Stage();
            s.setScene(ew.scene());
            s.setTitle("RNN Explorer");
            s.show();
            win[0] = ew;
            stage[0] = s;
            ExplorerViewModel vm = ew.controller().viewModel();
            vm.reducedMotionProperty().set(true);
            vm.open(entry);
            return null;
        });
        ExplorerViewModel vm = win[0].controller().viewModel();
        waitFor(() -> onFxQuietly(() -> vm.entryProperty().get() == entry && vm.result() != null));
        if (change != null) {
            long before = onFx(() -> System.identityHashCode(vm.result()));
            onFx(() -> {
                change.accept(vm);
                return null;
            });
            waitFor(() -> onFxQuietly(() -> System.identityHashCode(vm.result()) != before && !vm.busyProperty().get()));
        }
        onFx(() -> {
            // a closing bracket, where a bracket model's cell state changes, else the step asked for
            int close = vm.result().input().tokens().indexOf(")");
            vm.jumpTo(Math.min(close > 0 && step < 100 ? close : step, vm.steps() - 1));
            vm.presenterProperty().set(presenter);
            return null;
        });
        if (view != null) waitFor(() -> onFxQuietly(() -> view.apply(win[0].controller())));
        Thread.sleep(400);
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

    static <T> T onFx(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static boolean onFxQuietly(Supplier<Boolean> s) {
        try {
            return onFx(s);
        } catch (Exception e) {
            return false;
        }
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for the window");
            Thread.sleep(50);
        }
    }
}
