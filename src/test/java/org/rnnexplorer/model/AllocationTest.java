package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-step loop allocates nothing: a forward and backward pass into a preallocated {@link Trace} and
 * {@link Gradients} allocates no more bytes (per-pass set-up) for T = 500 than for T = 50. A single allocation
 * per step would add 450 × 16 bytes or more.
 */
class AllocationTest {
    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes allocated by this thread per run of {@code pass}, the least over a few rounds (after warm-up). */
    static long bytesPerRun(Runnable pass) {
        for (int i = 0; i < 300; i++) pass.run();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10; i++) pass.run();
            least = Math.min(least, (THREADS.getCurrentThreadAllocatedBytes() - before) / 10);
        }
        return least;
    }

    static Runnable numericPass(CellType cell, int steps) {
        Random r = new Random(1);
        RnnModel m = RandomModels.model(cell, 3, 8, 2, 0, false, 0, 0.5, r);
        InputBatch x = InputBatch.ofVectorBatch(RandomModels.vectors(2, steps, 3, r));
        Trace tr = new Trace(m, 2, steps);
        Gradients g = new Gradients(m, 2, steps);
        DotObjective objective = DotObjective.sum(8);
        return () -> {
            ForwardPass.run(m, x, List.of(), tr);
            BackwardPass.run(m, tr, objective, List.of(), g);
        };
    }

    static Runnable tokenPassWithIntervention(CellType cell, int steps) {
        Random r = new Random(2);
        RnnModel m = RandomModels.model(cell, 3, 8, 2, 5, true, 0, 0.5, r);
        int[][] toks = RandomModels.tokens(1, steps, 5, r);
        InputBatch x = InputBatch.ofTokenBatch(toks);
        Trace tr = new Trace(m, 1, steps);
        Gradients g = new Gradients(m, 1, steps);
        Objective objective = CrossEntropyObjective.nextTokenEveryStep(toks[0]);
        List<Intervention> ivs = List.of(Intervention.clampGate(0, 0, 3, 10, 40, 0.5), Intervention.ablate(1, 2));
        return () -> {
            ForwardPass.run(m, x, ivs, tr);
            BackwardPass.run(m, tr, objective, ivs, g);
        };
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void noAllocationPerStep(CellType cell) {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        long shortRun = bytesPerRun(numericPass(cell, 50)), longRun = bytesPerRun(numericPass(cell, 500));
        // one-sided: an allocation per step makes the long run allocate more; the short one may allocate more set-up
        // while the JIT has not yet compiled away a few temporaries (seen on a loaded machine)
        assertTrue(longRun - shortRun < 450, cell + ": " + shortRun + " bytes per pass at T=50, "
                + longRun + " at T=500");
        long shortTok = bytesPerRun(tokenPassWithIntervention(cell, 50));
        long longTok = bytesPerRun(tokenPassWithIntervention(cell, 500));
        assertTrue(longTok - shortTok < 450, cell + " tokens: " + shortTok + " bytes per pass at T=50, "
                + longTok + " at T=500");
        System.out.println(cell + ": bytes per forward+backward pass, numeric T=50/500: " + shortRun + "/" + longRun
                + ", tokens with interventions: " + shortTok + "/" + longTok);
    }
}
