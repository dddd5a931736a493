package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;
import org.rnnexplorer.ui.training.TaskChoice;
import org.rnnexplorer.ui.training.TrainingPane;
import org.rnnexplorer.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The JavaFX thread stays responsive while a 5,000-token input is traced and a model trains, both at once. A pinger
 * posts a task to the JavaFX thread every 10 ms and measures how long it waits for it to run. The 5,000 characters
 * are put in the editor first (JavaFX's TextArea takes 100+ ms of the JavaFX thread to take that much text, which is
 * not our work); then the training pane's quick recall preset starts training (with room for enough steps to outlast
 * the measurement), and, while it trains, the 5,000-step input is traced again and again (a what-if on, off, on:
 * each trace runs the 5,000 steps twice, once with the what-if) and stepped through. Every ping must be answered
 * within 100 ms. The figures are printed for the README.
 */
@org.junit.jupiter.api.Tag("benchmark") // a timing goal: run with -Dgroups=benchmark (to become a bench protocol)
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    static final int STEPS = 5000;
    ExplorerPage page;
    TraceViewModel vm;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
        page.vms.view.reducedMotionProperty().set(false);
        vm = page.trace;
    }

    /** A ping: when it was posted and how long the JavaFX thread took to run it. */
    record Ping(long postedNanos, long waitNanos) {
    }

    @Test
    void theFxThreadAnswersEveryPingWithin100msWhileA5000StepTraceAndATrainingRunAreUnderWay(FxRobot robot)
            throws Exception {
        // the reference LSTM (24 units, 37 characters): every character of the text below is in its vocabulary
        page.openReferenceLstm();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < STEPS + 10) sb.append("The forget gate (and the input gate) decide what the cell keeps. ");
        String text = sb.substring(0, STEPS);
        long e0 = System.nanoTime();
        robot.interact(() -> vm.inputTextProperty().set(text));
        double editorMs = (System.nanoTime() - e0) / 1e6;
        ExplorerPage.waitUntil(() -> vm.steps() == STEPS && !vm.busyProperty().get());
        Thread.sleep(300); // the editor's first layout of the long text is done before the measurement

        // the training pane's quick recall preset, with steps enough to train through the whole measurement
        page.selectTab("training-tab");
        ExplorerPage.waitUntil(() -> page.tabContent("training-tab", TrainingPane.class) != null);
        TrainingViewModel training = page.vms.training;
        assertEquals(TaskChoice.all().get(0).label(), training.taskProperty().get().label());

        List<Ping> pings = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread pinger = new Thread(() -> {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                Platform.runLater(answered::countDown);
                try {
                    boolean ok = answered.await(5, TimeUnit.SECONDS);
                    pings.add(new Ping(t0, ok ? System.nanoTime() - t0 : 5_000_000_000L));
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pinger");

        robot.interact(() -> {
            training.stepsProperty().set(1_000_000);
            training.train();
        });
        ExplorerPage.waitUntil(() -> training.lossSeries().getItemCount() >= 2);
        page.selectTab("cell-tab");
        long start = System.nanoTime();
        pinger.start();

        // while it trains: the 5,000-step input traced six times (with, without, with a what-if ...) and stepped
        List<long[]> tracing = new ArrayList<>();
        double traceMs = 0;
        robot.interact(() -> vm.selectUnit(3));
        for (int k = 0; k < 6; k++) {
            boolean on = k % 2 == 0;
            double value = k % 4 == 0 ? 0.0 : 1.0;
            long s = System.nanoTime();
            robot.interact(() -> {
                if (on) page.vms.whatIf.clampGate(1, value);
                else page.vms.whatIf.clear();
            });
            ExplorerPage.waitUntil(() -> vm.result().hasWhatIf() == on && !vm.busyProperty().get());
            tracing.add(new long[] {s, System.nanoTime()});
            traceMs = Math.max(traceMs, vm.result().millis());
        }
        for (int i = 0; i < 20; i++) robot.interact(page.vms.playback::stepForward);
        robot.interact(page.vms.playback::last);
        Thread.sleep(200);
        boolean stillTraining = training.runningProperty().get();
        int trainedPoints = training.lossSeries().getItemCount();
        stop.set(true);
        pinger.join();
        long end = System.nanoTime();
        robot.interact(training::cancel);
        ExplorerPage.waitUntil(() -> !training.runningProperty().get());

        assertTrue(stillTraining, "the model trained through the whole measurement");
        assertEquals(STEPS, vm.result().steps());
        assertEquals("step 5000 of 5000: '" + TokenLabels.visible(text.substring(STEPS - 1)) + "'",
                page.stepLabel());
        List<Long> all = new ArrayList<>(), during = new ArrayList<>();
        synchronized (pings) {
            for (Ping p : pings) {
                all.add(p.waitNanos());
                for (long[] w : tracing) if (p.postedNanos() >= w[0] && p.postedNanos() <= w[1]) during.add(p.waitNanos());
            }
        }
        Collections.sort(all);
        Collections.sort(during);
        double max = all.get(all.size() - 1) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "responsiveness: %.1f s of training (%d loss points) with six 5,000-step traces and stepping: "
                        + "%d pings, median %.1f ms, 95th percentile %.1f ms, max %.1f ms; while tracing: %d pings, "
                        + "max %.1f ms; slowest trace %.1f ms off the FX thread; putting the text in the editor "
                        + "(before the measurement): %.0f ms%n",
                (end - start) / 1e9, trainedPoints, all.size(), all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.95)) / 1e6, max, during.size(),
                during.isEmpty() ? 0 : during.get(during.size() - 1) / 1e6, traceMs, editorMs);
        assertTrue(during.size() >= 3, "pings were answered while the traces ran: " + during.size());
        assertTrue(max < 100, "every ping was answered within 100 ms; the longest wait was " + max + " ms");
    }
}
