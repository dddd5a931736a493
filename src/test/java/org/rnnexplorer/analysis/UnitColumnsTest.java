package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * The two views of a trace's series agree: the full float64 trace read in place, and the compact trace (its
 * values within the stored encoding's error, its exact values those of the full trace), and the finder ranks the
 * same unit first over either.
 */
class UnitColumnsTest {

    @Test
    void compactColumnsAgreeWithTheFullTrace() throws Exception {
        RnnModel lstm = BundledUnitsTest.bracketsLstm();
        String text = BracketsTask.text(new Random(123), 1500).substring(0, 1500);
        TokenizedText tokens = TokenizedText.of(text, CharTokenizer.INSTANCE);
        int[] ids = Vocabulary.of(lstm.vocabulary()).encode(tokens.tokens());
        Trace full = ForwardPass.run(lstm, InputBatch.ofTokens(ids));
        CompactTrace compact = new CompactTrace(lstm, InputBatch.ofTokens(ids), List.of());
        compact.record(null);
        UnitColumns a = new TraceColumns(full), b = new CompactColumns(compact);
        assertEquals(a.layout().count(), b.layout().count());
        assertEquals(1500, b.steps());
        SeriesLayout layout = a.layout();
        for (SeriesId id : List.of(new SeriesId(0, Quantity.CELL, 29), new SeriesId(0, Quantity.HIDDEN, 3),
                new SeriesId(0, Quantity.FORGET_GATE, 8), new SeriesId(0, Quantity.LSTM_CANDIDATE, 31))) {
            int s = layout.index(id.layer(), id.quantity(), id.unit());
            float[] fa = a.column(s), fb = b.column(s);
            for (int t : new int[] {0, 1, 700, 1499}) {
                double v = id.quantity().value(full, 0, t, id.unit());
                assertEquals(v, fa[t], 1e-6, id + " at " + t);
                assertEquals(v, a.exact(s, t), 0, id + " exact at " + t);
                double tol = id.quantity() == Quantity.CELL ? Math.abs(v) / 1024 + 1e-6 : 1.0 / 254 + 1e-6;
                assertEquals(v, fb[t], tol, id + " compact at " + t);
                assertEquals(v, b.value(s, t), tol, id + " compact value at " + t);
                assertEquals(v, b.exact(s, t), 1e-9, id + " recomputed at " + t);
            }
        }
        Target depth = BuiltInHypothesis.BRACKET_DEPTH.target(tokens);
        UnitFinder.Options o = UnitFinder.Options.defaults();
        assertEquals("l0.c.29", UnitFinder.rank(a, depth, o).best().series().label());
        assertEquals("l0.c.29", UnitFinder.rank(b, depth, o).best().series().label());
    }
}
