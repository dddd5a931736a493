package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** Running in chunks and carrying the state gives the values of one pass over the whole input. */
class ChunkedForwardSeriesTest {

    private static RnnModel randomModel(CellType cell, int layers, int hidden, int vocab) {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < vocab; i++) tokens.add(String.valueOf((char) ('a' + i)));
        RnnModel m = RnnModel.zeros(cell, vocab, hidden, layers, 0, vocab, tokens, "char");
        Random r = new Random(11);
        for (DMatrixRMaj p : m.namedParameters().values())
            for (int i = 0; i < p.data.length; i++) p.data[i] = r.nextGaussian() * 0.6;
        return m;
    }

    /** The value of series s at step t in a full trace, as the finder reads it (a float). */
    private static float expected(Trace trace, SeriesLayout layout, int s, int t) {
        SeriesId id = layout.id(s);
        Quantity q = id.quantity();
        double v = q.isGate() ? trace.gate(id.layer(), q.block(), t, id.unit())
                : q == Quantity.CELL ? trace.cellState(id.layer(), t, id.unit()) : trace.hidden(id.layer(), t, id.unit());
        return (float) v;
    }

    @Test
    void everySeriesMatchesTheFullPassInAnyOrderOfReading() {
        for (CellType cell : CellType.values()) {
            RnnModel m = randomModel(cell, 2, 3, 5);
            int steps = 50;
            int[] ids = new Random(12).ints(steps, 0, 5).toArray();
            Trace full = ForwardPass.run(m, InputBatch.ofTokens(ids));
            ChunkedForwardSeries chunked = new ChunkedForwardSeries(m, InputBatch.ofTokens(ids), 7);
            SeriesLayout layout = chunked.layout();
            assertEquals(2 * Quantity.all(cell).size() * 3, layout.count());
            float[] buf = new float[steps];
            // a late block first (its checkpoints are computed on the way), then blocks across chunk edges, then the start
            int[][] blocks = {{43, 7}, {5, 20}, {0, 50}, {49, 1}};
            for (int[] b : blocks) {
                chunked.prepare(b[0], b[1]);
                for (int s = 0; s < layout.count(); s++) {
                    chunked.read(s, b[0], b[1], buf);
                    for (int i = 0; i < b[1]; i++)
                        assertEquals(expected(full, layout, s, b[0] + i), buf[i], 0.0f,
                                cell + " " + layout.id(s) + " step " + (b[0] + i));
                }
            }
        }
    }

    @Test
    void readingOutsideThePreparedBlockIsRefused() {
        RnnModel m = randomModel(CellType.LSTM, 1, 2, 3);
        ChunkedForwardSeries s = new ChunkedForwardSeries(m, InputBatch.ofTokens(0, 1, 2, 0, 1, 2), 4);
        s.prepare(0, 4);
        assertThrows(IllegalStateException.class, () -> s.read(0, 2, 4, new float[4]));
    }

    @Test
    void theFinderOnChunksRanksAsOnColumnsInMemory() {
        RnnModel m = randomModel(CellType.GRU, 2, 4, 6);
        int[] ids = new Random(13).ints(300, 0, 6).toArray();
        ChunkedForwardSeries chunked = new ChunkedForwardSeries(m, InputBatch.ofTokens(ids), 64);
        FloatColumns memory = FloatColumns.copyOf(new ChunkedForwardSeries(m, InputBatch.ofTokens(ids), 300));
        double[] y = new double[300];
        for (int t = 0; t < 300; t++) y[t] = ids[t] == 2 ? 1 : 0;
        Target target = new Target("token 2", y, false);
        List<UnitScore> a = UnitFinder.rank(chunked, target, UnitFinder.Options.defaults()).scores();
        List<UnitScore> b = UnitFinder.rank(memory, target, UnitFinder.Options.defaults()).scores();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).series(), a.get(i).series());
            assertEquals(b.get(i).correlation(), a.get(i).correlation(), 1e-12);
        }
    }
}
