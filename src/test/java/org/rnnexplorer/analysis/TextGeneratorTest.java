package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

class TextGeneratorTest {

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] row(Trace t, int step) {
        return java.util.Arrays.copyOf(t.logits(step).data, t.outputSize());
    }

    private static double[] hidden(Trace t, int layer, int step) {
        return java.util.Arrays.copyOf(t.layer(layer).h[step].data, t.hiddenSize());
    }

    /**
     * Each token drawn continues from the carried state; a fresh forward pass over prompt + generated text gives the
     * same logits before every draw and the same final h and c of every layer, within 1e-12.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void theCarriedStateEqualsAFreshForwardOverPromptAndGeneratedText(CellType cell) {
        RnnModel m = TestModels.language(cell, 11, 6, 9, 2, 5);
        int[] prompt = TestModels.tokens(7, 11, 6);
        TextGenerator g = new TextGenerator(m);
        g.prime(prompt);
        Random r = new Random(8);
        Sampling s = new Sampling(1.3, 0);
        List<double[]> logitsBefore = new ArrayList<>();
        int[] drawn = new int[40];
        for (int i = 0; i < drawn.length; i++) {
            logitsBefore.add(g.logits());
            drawn[i] = g.next(s, r);
        }
        Trace fresh = ForwardPass.run(m, InputBatch.ofTokens(concat(prompt, drawn)));
        for (int i = 0; i < drawn.length; i++)
            assertArrayEquals(row(fresh, prompt.length - 1 + i), logitsBefore.get(i), 1e-12, "before token " + i);
        int last = prompt.length + drawn.length - 1;
        assertArrayEquals(row(fresh, last), g.logits(), 1e-12);
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(hidden(fresh, l, last), g.hidden(l), 1e-12, "h of layer " + l);
            if (cell == CellType.LSTM)
                assertArrayEquals(java.util.Arrays.copyOf(fresh.layer(l).c[last].data, 9), g.cellState(l), 1e-12);
        }
        assertEquals(prompt.length + drawn.length, g.length());
    }

    @Test
    void greedyGenerationPicksTheArgmaxOfAFreshForwardAtEveryStep() {
        RnnModel m = TestModels.language(CellType.GRU, 9, 5, 12, 1, 11);
        int[] prompt = {1, 4, 2};
        TextGenerator g = new TextGenerator(m);
        g.prime(prompt);
        int[] out = g.generate(30, Sampling.greedy(), new Random(1), Progress.NONE, () -> false).tokens();
        double[] oneHot = new double[9];
        oneHot[Sampling.argmax(g.logits(), 0, 9)] = 1;
        assertArrayEquals(oneHot, g.distribution(Sampling.greedy()), 0.0, "the next draw's distribution");
        Trace fresh = ForwardPass.run(m, InputBatch.ofTokens(concat(prompt, out)));
        for (int i = 0; i < out.length; i++) {
            double[] p = row(fresh, prompt.length - 1 + i);
            for (int k = 0; k < p.length; k++) assertTrue(p[k] <= p[out[i]], "token " + i + " is not the argmax");
        }
    }

    @Test
    void theSameSeedWritesTheSameTextAndContinuingFromATraceEqualsPriming() {
        RnnModel m = TestModels.language(CellType.LSTM, 10, 4, 8, 1, 2);
        int[] prompt = TestModels.tokens(12, 10, 3);
        Sampling s = new Sampling(0.9, 4);
        TextGenerator a = new TextGenerator(m), b = new TextGenerator(m);
        a.prime(prompt);
        b.prime(prompt);
        int[] ta = a.generate(50, s, new Random(5), Progress.NONE, () -> false).tokens();
        assertArrayEquals(ta, b.generate(50, s, new Random(5), Progress.NONE, () -> false).tokens());

        // the window continues from the trace it shows: after step 7 of the prompt = a prompt of its first 8 tokens
        Trace shown = ForwardPass.run(m, InputBatch.ofTokens(prompt));
        TextGenerator c = new TextGenerator(m), d = new TextGenerator(m);
        c.continueFrom(shown, 7);
        d.prime(java.util.Arrays.copyOf(prompt, 8));
        assertEquals(8, c.length());
        assertArrayEquals(d.generate(20, s, new Random(9), Progress.NONE, () -> false).tokens(),
                c.generate(20, s, new Random(9), Progress.NONE, () -> false).tokens());
    }

    @Test
    void progressIsReportedAndCancelKeepsWhatWasWritten() {
        RnnModel m = TestModels.language(CellType.RNN, 6, 3, 5, 1, 4);
        TextGenerator g = new TextGenerator(m);
        g.prime(new int[] {0});
        AtomicInteger reported = new AtomicInteger();
        TextGenerator.Generation out = g.generate(100, new Sampling(1, 0), new Random(2),
                (done, total) -> reported.set((int) done), () -> reported.get() >= 25);
        assertTrue(out.cancelled());
        assertEquals(25, out.tokens().length);
        assertEquals(26, g.length());
    }

    @Test
    void modelsThatCannotWriteTextAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextGenerator(TestModels.series(CellType.LSTM, 3, 4, 1, 3, 1)));
        TextGenerator g = new TextGenerator(TestModels.language(CellType.LSTM, 5, 3, 4, 1, 1));
        assertThrows(IllegalStateException.class, () -> g.next(Sampling.greedy(), new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> g.prime(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> g.append(5));
    }
}
