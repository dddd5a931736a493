package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Trace#bytesFor} and {@link Gradients#bytesFor} against the bytes this thread really allocates to make a
 * trace (and run the forward pass that fills in its token ids) and its gradients: within 5 %.
 */
class MemoryEstimateTest {

    static long allocated(Runnable r) {
        long before = AllocationTest.THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return AllocationTest.THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @ParameterizedTest
    @CsvSource({"LSTM,1,2000,true", "GRU,3,700,true", "RNN,1,3000,false", "LSTM,4,500,false", "GRU,1,1500,false"})
    void estimatesMatchWhatIsAllocated(CellType cell, int batch, int steps, boolean tokens) {
        assumeTrue(AllocationTest.THREADS.isThreadAllocatedMemorySupported());
        Random r = new Random(4);
        RnnModel m = RandomModels.model(cell, tokens ? 8 : 5, 24, 2, tokens ? 30 : 0, tokens, 3, 0.5, r);
        InputBatch x = tokens ? InputBatch.ofTokenBatch(RandomModels.tokens(batch, steps, 30, r))
                : InputBatch.ofVectorBatch(RandomModels.vectors(batch, steps, 5, r));
        Trace[] trace = new Trace[1];
        long traceBytes = allocated(() -> {
            trace[0] = new Trace(m, batch, steps);
            ForwardPass.run(m, x, List.of(), trace[0]);
        });
        long gradientBytes = allocated(() -> new Gradients(m, batch, steps));
        long traceEstimate = Trace.bytesFor(m, batch, steps), gradientEstimate = Gradients.bytesFor(m, batch, steps);
        assertTrue(Math.abs(traceEstimate - traceBytes) < 0.05 * traceBytes,
                "trace: estimated " + traceEstimate + ", allocated " + traceBytes);
        assertTrue(Math.abs(gradientEstimate - gradientBytes) < 0.05 * gradientBytes,
                "gradients: estimated " + gradientEstimate + ", allocated " + gradientBytes);
    }
}
