package org.rnnexplorer.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Shares the machine's cores between the runs of a race, a batch at a time. When there are more runs than cores, the
 * run with the most work left keeps a core to itself and the others take turns on the remaining cores, one batch each
 * (first come, first served). The work left is estimated as
 *
 * <pre>
 * left(run) = (steps - done) × cpu(run) / done          (unknown, so the largest, before the run's first batch)
 * </pre>
 *
 * where {@code cpu(run)} is the CPU time its thread has used. As the estimates change, the kept core passes to
 * whichever run has the most left, so the runs tend to end together: the race ends about when all its work spread
 * over the cores would, or when its longest run would alone, whichever is later. Left to the operating system's even
 * shares, three runs on two cores make the longest run wait a third of the time, and it ends alone on one core while
 * the other idles (the recall race at delay 40 on two cores: 7.4–7.9 s that way, 6.6–7.5 s this way). With two cores
 * or more every run moves (none waits for another to finish), so the curves stay live; on one core the core goes to
 * the run with the most left. A trainer's arithmetic does not depend on when it runs, so a run gives the same model
 * as alone.
 *
 * <p>With no more runs than cores, nothing waits. {@link #release()} lets every run go at once (the race is
 * cancelled).
 */
final class CoreTurns {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Board board;
    private final LongSupplier cpuClock;
    private final long[] cpuAtStart;
    private long nextTicket;

    CoreTurns(int runs, int cores) {
        this(runs, cores, CoreTurns::cpuTime);
    }

    /** With {@code cpuClock} giving the calling run's CPU time in nanoseconds. */
    CoreTurns(int runs, int cores, LongSupplier cpuClock) {
        board = new Board(runs, cores);
        this.cpuClock = cpuClock;
        cpuAtStart = new long[runs];
    }

    /** What a trainer calls: before its first batch, between batches and after its last. */
    Trainer.Turns turnsOf(int run) {
        return new Trainer.Turns() {
            @Override
            public void begin() {
                CoreTurns.this.begin(run);
            }

            @Override
            public void between(int batchesDone, int batches) {
                CoreTurns.this.between(run, batchesDone, batches);
            }

            @Override
            public void end() {
                CoreTurns.this.end(run);
            }
        };
    }

    synchronized void begin(int run) {
        cpuAtStart[run] = cpuClock.getAsLong();
        board.started[run] = true;
        board.ticket[run] = nextTicket++;
        awaitTurn(run);
    }

    synchronized void between(int run, int batchesDone, int batches) {
        if (batchesDone > 0) {
            double perBatch = (cpuClock.getAsLong() - cpuAtStart[run]) / (double) batchesDone;
            board.left[run] = Math.max(0, batches - batchesDone) * perBatch;
        }
        notifyAll(); // the estimate may have moved the reserved core to another run
        if (board.mustHandOver(run)) {
            board.running[run] = false;
            board.ticket[run] = nextTicket++;
            awaitTurn(run);
        }
    }

    synchronized void end(int run) {
        board.running[run] = false;
        board.done[run] = true;
        board.left[run] = 0;
        notifyAll();
    }

    /** Every run may go from now on. */
    synchronized void release() {
        board.released = true;
        notifyAll();
    }

    private void awaitTurn(int run) {
        boolean interrupted = false;
        while (!board.mayRun(run)) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        board.running[run] = true;
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Where each run is, and the rules that follow from it (guarded by the {@code CoreTurns} that owns it). */
    static final class Board {
        final int cores;
        /** The estimated CPU time left (∞ before the first batch). */
        final double[] left;
        /** The order in which runs asked for a turn. */
        final long[] ticket;
        final boolean[] started;
        final boolean[] running;
        final boolean[] done;
        boolean released;

        Board(int runs, int cores) {
            if (runs < 1 || cores < 1) throw new IllegalArgumentException(runs + " runs on " + cores + " cores");
            this.cores = cores;
            left = new double[runs];
            ticket = new long[runs];
            started = new boolean[runs];
            running = new boolean[runs];
            done = new boolean[runs];
            Arrays.fill(left, Double.POSITIVE_INFINITY);
        }

        /** The unfinished run with the most work left (the first of equals), or -1 when every run has a core. */
        int reserved() {
            int active = 0, best = -1;
            for (int r = 0; r < left.length; r++) {
                if (done[r]) continue;
                active++;
                if (best < 0 || left[r] > left[best]) best = r;
            }
            return active > cores ? best : -1;
        }

        /** Whether a run that waits may take a core now: the reserved one, or the first in line for a shared one. */
        boolean mayRun(int run) {
            int reserved = reserved();
            if (released || reserved < 0 || run == reserved) return true;
            int sharing = 0;
            for (int r = 0; r < left.length; r++) if (running[r] && r != reserved && r != run) sharing++;
            if (sharing >= cores - 1) return false;
            for (int r = 0; r < left.length; r++) if (waits(r, reserved) && r != run && ticket[r] < ticket[run]) return false;
            return true;
        }

        /** Whether a run between two batches must give its core up: another waits for a shared core. */
        boolean mustHandOver(int run) {
            int reserved = reserved();
            if (released || reserved < 0 || run == reserved) return false;
            int sharing = 0;
            boolean someoneWaits = false;
            for (int r = 0; r < left.length; r++) {
                if (r == reserved || done[r]) continue;
                if (running[r]) sharing++;
                else if (waits(r, reserved)) someoneWaits = true;
            }
            return someoneWaits || sharing > cores - 1;
        }

        private boolean waits(int r, int reserved) {
            return started[r] && !running[r] && !done[r] && r != reserved;
        }
    }
}
