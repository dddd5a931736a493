package org.rnnexplorer.ui;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A 5,000-character input keeps the window responsive. A pinger posts a task to the JavaFX thread every 10 ms and
 * measures how long it waits. While the 5,000-step input is traced (and traced again with a what-if) off the JavaFX
 * thread, every ping is answered within 100 ms; the figures of the whole session (stepping through the 5,000 steps
 * included) are printed for the README.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {
    static final int STEPS = 5000;
    ExplorerWindow window;
    ExplorerViewModel vm;

    @BeforeAll
    static void noPrefs() {
        System.setProperty("rnnexplorer.noPrefs", "true");
    }

    @Start
    void start(Stage stage) {
        window = ExplorerWindow.show(stage);
        vm = window.controller().viewModel();
    }

    /** A ping: when it was posted and how long the JavaFX thread took to run it. */
    record Ping(long postedNanos, long waitNanos) {
    }

    @Test
    void theFxThreadAnswersWithin100msWhileA5000StepInputIsTraced(FxRobot robot) throws Exception {
        ExplorerWindowTest.waitUntil(() -> vm.result() != null && !vm.busyProperty().get());
        // the reference LSTM (24 units, 37 characters): every character of the text below is in its vocabulary
        robot.interact(() -> vm.openFile(ExplorerWindowTest.REFERENCE_LSTM));
        ExplorerWindowTest.waitUntil(() -> vm.entryProperty().get().title().equals("charlm-lstm-1layer.json")
                && !vm.busyProperty().get());
        StringBuilder sb = new StringBuilder();
        while (sb.length() < STEPS) sb.append("The forget gate (and the input gate) decide what the cell keeps. ");
        String text = sb.substring(0, STEPS);

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
        pinger.start();
        Thread.sleep(100);

        List<long[]> tracing = new ArrayList<>();
        long s1 = System.nanoTime();
        robot.interact(() -> vm.inputTextProperty().set(text));
        // from here the editor holds the 5,000 characters and the trace runs on its worker thread
        long s1b = System.nanoTime();
        double editorMs = (s1b - s1) / 1e6;
        ExplorerWindowTest.waitUntil(() -> vm.steps() == STEPS && !vm.busyProperty().get());
        tracing.add(new long[] {s1b, System.nanoTime()});
        double onScreenMs = (System.nanoTime() - s1) / 1e6;
        double traceMs = vm.result().millis();

        long s2 = System.nanoTime();
        robot.interact(() -> {
            vm.selectUnit(3);
            vm.clampGate(1, 0.0);
        });
        ExplorerWindowTest.waitUntil(() -> vm.result().hasWhatIf() && !vm.busyProperty().get());
        tracing.add(new long[] {s2, System.nanoTime()});

        for (int i = 0; i < 20; i++) robot.interact(vm::stepForward);
        robot.interact(vm::last);
        Thread.sleep(200);
        stop.set(true);
        pinger.join();

        assertEquals(STEPS, vm.result().steps());
        assertEquals("step 5000 of 5000: '" + TokenLabels.visible(text.substring(STEPS - 1)) + "'",
                window.controller().stepLabel().getText());
        List<Long> all = new ArrayList<>(), during = new ArrayList<>();
        synchronized (pings) {
            for (Ping p : pings) {
                all.add(p.waitNanos());
                for (long[] w : tracing) if (p.postedNanos() >= w[0] && p.postedNanos() <= w[1]) during.add(p.waitNanos());
            }
        }
        Collections.sort(all);
        Collections.sort(during);
        double maxDuring = during.get(during.size() - 1) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "responsiveness: while tracing 5,000 steps (twice): %d pings, median %.1f ms, max %.1f ms; "
                        + "whole session incl. stepping: %d pings, median %.1f ms, 95th percentile %.1f ms, max %.1f ms; "
                        + "trace computed off the FX thread in %.1f ms, on screen %.0f ms after the text was set "
                        + "(putting the text in the editor: %.0f ms)%n",
                during.size(), during.get(during.size() / 2) / 1e6, maxDuring, all.size(),
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.95)) / 1e6, all.get(all.size() - 1) / 1e6,
                traceMs, onScreenMs, editorMs);
        assertTrue(during.size() >= 3, "pings were answered while the trace ran: " + during.size());
        assertTrue(maxDuring < 100, "the JavaFX thread was blocked for " + maxDuring + " ms while tracing");
    }
}
