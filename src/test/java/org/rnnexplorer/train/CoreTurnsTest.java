package org.rnnexplorer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a race shares two cores between three runs (RNN 0, LSTM 1, GRU 2). */
class CoreTurnsTest {
    private static final int RNN = 0, LSTM = 1, GRU = 2;

    /** Two runs hold the two cores and the third has asked for one. */
    private static CoreTurns.Board twoRunningOneWaiting(double rnnLeft, double lstmLeft, double gruLeft) {
        CoreTurns.Board b = new CoreTurns.Board(3, 2);
        b.left[RNN] = rnnLeft;
        b.left[LSTM] = lstmLeft;
        b.left[GRU] = gruLeft;
        for (int r = 0; r < 3; r++) b.started[r] = true;
        b.running[RNN] = b.running[LSTM] = true;
        b.ticket[RNN] = 0;
        b.ticket[LSTM] = 1;
        b.ticket[GRU] = 2;
        return b;
    }

    @Test
    void theRunWithTheMostWorkLeftKeepsItsCoreAndTheOthersTakeTurnsOnTheOther() {
        CoreTurns.Board b = twoRunningOneWaiting(1.0, 5.0, 3.0);
        assertEquals(LSTM, b.reserved());
        assertFalse(b.mustHandOver(LSTM), "the LSTM, with the most left, keeps its core though the GRU waits");
        assertTrue(b.mustHandOver(RNN), "the RNN gives the shared core to the GRU after its batch");
        assertFalse(b.mayRun(GRU), "until the RNN has given it up, the shared core is taken");

        b.running[RNN] = false;
        b.ticket[RNN] = 3; // back in line
        assertTrue(b.mayRun(GRU));
        assertFalse(b.mayRun(RNN), "the GRU asked first");
        b.running[GRU] = true;
        assertTrue(b.mustHandOver(GRU), "after one batch the GRU gives the core back to the RNN");
        assertFalse(b.mustHandOver(LSTM));
    }

    @Test
    void theReservedCoreFollowsTheEstimates() {
        CoreTurns.Board b = twoRunningOneWaiting(1.0, 2.0, 3.0);
        assertEquals(GRU, b.reserved(), "the GRU now has the most left");
        assertTrue(b.mayRun(GRU), "it takes a core at once, before anyone gives one up");
        b.running[GRU] = true;
        assertTrue(b.mustHandOver(RNN) || b.mustHandOver(LSTM), "three on two cores: a sharer gives way");
        assertFalse(b.mustHandOver(GRU));
    }

    @Test
    void beforeTheirFirstBatchTheRunsCountAsTheLongest() {
        CoreTurns.Board b = new CoreTurns.Board(3, 2);
        assertEquals(RNN, b.reserved(), "all unknown: the first of equals");
        b.left[RNN] = 1.0;
        assertEquals(LSTM, b.reserved());
    }

    @Test
    void withNoMoreRunsThanCoresNobodyWaits() {
        CoreTurns.Board b = twoRunningOneWaiting(1.0, 5.0, 3.0);
        b.done[LSTM] = true;
        b.running[LSTM] = false;
        assertEquals(-1, b.reserved());
        assertTrue(b.mayRun(GRU));
        assertFalse(b.mustHandOver(RNN));
        CoreTurns.Board wide = twoRunningOneWaiting(1.0, 5.0, 3.0);
        CoreTurns.Board three = new CoreTurns.Board(3, 3);
        System.arraycopy(wide.started, 0, three.started, 0, 3);
        System.arraycopy(wide.running, 0, three.running, 0, 3);
        assertTrue(three.mayRun(GRU) && !three.mustHandOver(RNN) && !three.mustHandOver(LSTM));
    }

    @Test
    void releasedEveryRunGoes() {
        CoreTurns.Board b = twoRunningOneWaiting(1.0, 5.0, 3.0);
        b.released = true;
        assertTrue(b.mayRun(GRU));
        assertFalse(b.mustHandOver(RNN));
    }

    /** Three threads of made-up batches (each costing what its cell would) all finish, each in its own order. */
    @Test
    void threeRunsOnTwoCoresAllFinish() throws Exception {
        int batches = 30;
        long[] cost = {1, 100, 3};
        ThreadLocal<long[]> cpu = ThreadLocal.withInitial(() -> new long[1]);
        CoreTurns turns = new CoreTurns(3, 2, () -> cpu.get()[0]);
        List<int[]> log = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int run = r;
            Trainer.Turns t = turns.turnsOf(run);
            Thread thread = new Thread(() -> {
                t.begin();
                try {
                    for (int b = 1; b <= batches; b++) {
                        cpu.get()[0] += cost[run];
                        log.add(new int[] {run, b});
                        t.between(b, batches);
                    }
                } finally {
                    t.end();
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) {
            t.join(120_000); // a hang guard: the runs finish in microseconds
            assertFalse(t.isAlive(), "a run still waits for a core");
        }
        assertEquals(3 * batches, log.size());
        for (int r = 0; r < 3; r++) {
            int run = r, next = 1;
            for (int[] e : log) if (e[0] == run) assertEquals(next++, e[1]);
        }
    }
}
