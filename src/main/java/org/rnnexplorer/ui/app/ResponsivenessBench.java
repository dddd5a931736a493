package org.rnnexplorer.ui.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.rnnexplorer.cli.BadInputException;
import org.rnnexplorer.ui.common.FxDialogService;
import org.rnnexplorer.ui.common.FxTool;
import org.rnnexplorer.ui.training.TaskChoice;
import org.rnnexplorer.ui.training.TrainingViewModel;

/**
 * {@code bench --protocol fx-responsiveness}: does the JavaFX thread stay responsive while the window does its
 * heaviest work? The real window (off screen with Monocle when there is no display) opens the first bundled model;
 * an input of T tokens (its example, repeated) is put in the editor first (JavaFX's TextArea takes 100 ms or so of
 * the JavaFX thread to take 5,000 characters, which is not our work). Then the Training tab trains its quick recall
 * preset (with steps enough to outlast the measurement), and while it trains the input is traced six times (a
 * what-if on, off, on: each trace with a what-if runs the T steps twice), stepped through, and watched until 300
 * pings are in. A pinger posts a task to the JavaFX thread every 10 ms and records how long it waited to run. One
 * JSON line: the pings' 50th, 95th and 99th percentile and longest wait against the 100 ms goal, the longest wait
 * while a trace ran, the slowest trace (on its worker thread) and the system load average.
 */
public final class ResponsivenessBench {
    /** The goal: no ping waits longer than this. */
    public static final double GOAL_MS = 100;
    static final int MIN_PINGS = 300;
    private static final long BOUND_SECONDS = 600;

    private ResponsivenessBench() {
    }

    /** A ping: when it was posted and how long the JavaFX thread took to run it. */
    private record Ping(long postedNanos, long waitNanos) {
    }

    /** Runs the protocol over an input of {@code steps} tokens; returns the exit code. */
    public static int run(int steps, Consumer<String> print) {
        try {
            FxTool.start(1600, 1000);
        } catch (UnsupportedOperationException e) {
            throw new BadInputException("no display to run the window on (" + e.getMessage()
                    + "): set DISPLAY, or run it under xvfb-run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            print.accept(measure(steps));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Platform.exit();
        }
    }

    private static String measure(int steps) throws InterruptedException {
        ExplorerWindow w = onFx(() -> {
            Stage stage = new Stage();
            ExplorerWindow window = ExplorerWindow.create(1600, 1000, new FxDialogService(() -> stage));
            ExplorerWindow.show(stage, window);
            return window;
        });
        ExplorerViewModels vms = w.viewModels();
        until(() -> vms.trace.result() != null && !vms.trace.busyProperty().get());
        String text = onFx(() -> {
            StringBuilder sb = new StringBuilder();
            String base = vms.trace.inputTextProperty().get() + "\n";
            while (sb.length() < steps) sb.append(base);
            vms.trace.inputTextProperty().set(sb.substring(0, steps));
            return sb.substring(0, steps);
        });
        until(() -> vms.trace.steps() == text.length() && !vms.trace.busyProperty().get());
        for (int i = 0; i < 10; i++) onFx(() -> null); // the editor's first layout of the long text is done

        TrainingViewModel training = vms.training;
        TabPane tabs = onFx(() -> (TabPane) w.scene().lookup(".main-tabs"));
        Tab trainingTab = onFx(() -> tabs.getTabs().stream().filter(t -> "training-tab".equals(t.getId())).findFirst()
                .orElseThrow());
        Tab cellTab = onFx(() -> tabs.getTabs().get(0));
        onFx(() -> {
            tabs.getSelectionModel().select(trainingTab);
            training.taskProperty().set(TaskChoice.all().get(0));
            training.stepsProperty().set(1_000_000);
            training.train();
            return null;
        });
        until(() -> training.lossSeries().getItemCount() >= 2);
        onFx(() -> {
            tabs.getSelectionModel().select(cellTab);
            vms.trace.selectUnit(Math.min(3, vms.trace.modelProperty().get().hiddenSize() - 1));
            return null;
        });

        List<Ping> pings = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread pinger = new Thread(() -> ping(pings, stop), "pinger");
        long start = System.nanoTime();
        pinger.start();
        List<long[]> tracing = new ArrayList<>();
        double slowestTrace = 0;
        for (int k = 0; k < 6; k++) {
            boolean on = k % 2 == 0;
            double value = k % 4 == 0 ? 0.0 : 1.0;
            long s = System.nanoTime();
            onFx(() -> {
                if (on) vms.whatIf.clampGate(1, value);
                else vms.whatIf.clear();
                return null;
            });
            until(() -> vms.trace.result().hasWhatIf() == on && !vms.trace.busyProperty().get());
            tracing.add(new long[] {s, System.nanoTime()});
            slowestTrace = Math.max(slowestTrace, vms.trace.result().millis());
        }
        for (int i = 0; i < 20; i++) onFx(() -> {
            vms.playback.stepForward();
            return null;
        });
        onFx(() -> {
            vms.playback.last();
            return null;
        });
        until(() -> pings.size() >= MIN_PINGS);
        boolean stillTraining = onFx(() -> training.runningProperty().get());
        stop.set(true);
        pinger.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        int trainedSteps = onFx(() -> {
            int n = training.lossSeries().getItemCount();
            training.cancel();
            return n == 0 ? 0 : training.lossSeries().getX(n - 1).intValue();
        });
        until(() -> !training.runningProperty().get());
        onFx(() -> {
            vms.close();
            return null;
        });
        return report(steps, pings, tracing, slowestTrace, seconds, trainedSteps, stillTraining);
    }

    private static String report(int steps, List<Ping> pings, List<long[]> tracing, double slowestTrace,
                                 double seconds, int trainedSteps, boolean stillTraining) {
        List<Long> all = new ArrayList<>(), during = new ArrayList<>();
        synchronized (pings) {
            for (Ping p : pings) {
                all.add(p.waitNanos());
                for (long[] t : tracing) if (p.postedNanos() >= t[0] && p.postedNanos() <= t[1]) during.add(p.waitNanos());
            }
        }
        Collections.sort(all);
        Collections.sort(during);
        double max = ms(all.get(all.size() - 1));
        return String.format(Locale.ROOT,
                "{\"protocol\": \"fx-responsiveness\", \"T\": %d, \"seconds\": %.1f, \"training_steps\": %d, "
                        + "\"trained_throughout\": %b, \"pings\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, "
                        + "\"p99_ms\": %.1f, \"max_ms\": %.1f, \"pings_while_tracing\": %d, \"max_while_tracing_ms\": %.1f, "
                        + "\"slowest_trace_ms\": %.1f, \"goal_ms\": %.0f, \"within_goal\": %b, \"load_average\": %.2f, "
                        + "\"cpus\": %d}",
                steps, seconds, trainedSteps, stillTraining, all.size(), ms(percentile(all, 0.50)),
                ms(percentile(all, 0.95)), ms(percentile(all, 0.99)), max, during.size(),
                during.isEmpty() ? 0 : ms(during.get(during.size() - 1)), slowestTrace, GOAL_MS, max <= GOAL_MS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
    static long percentile(List<Long> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void ping(List<Ping> pings, AtomicBoolean stop) {
        while (!stop.get()) {
            long t0 = System.nanoTime();
            CountDownLatch answered = new CountDownLatch(1);
            Platform.runLater(answered::countDown);
            try {
                if (!answered.await(BOUND_SECONDS, TimeUnit.SECONDS)) return;
                pings.add(new Ping(t0, System.nanoTime() - t0));
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs {@code job} on the JavaFX thread and returns its result. */
    private static <T> T onFx(Supplier<T> job) {
        return FxTool.onFx(job, BOUND_SECONDS);
    }

    /** Waits until {@code condition} holds on the JavaFX thread (checking every 20 ms, for at most 10 minutes). */
    private static void until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) throw new IllegalStateException("fx-responsiveness: the window got stuck");
            Thread.sleep(20);
        }
    }
}
