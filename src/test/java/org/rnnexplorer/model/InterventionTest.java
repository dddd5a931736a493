package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a user sees in the trace after a what-if change. */
class InterventionTest {
    static final int I = 0, F = 1, G = 2, O = 3;
    static final int T = 12;

    static RnnModel model(CellType cell, int layers, long seed) {
        return RandomModels.model(cell, 3, 5, layers, 7, true, 0, 0.8, new Random(seed));
    }

    static final InputBatch INPUT = InputBatch.ofTokens(1, 4, 2, 6, 0, 3, 3, 5, 1, 2, 4, 6);

    @Test
    void forgetGateClosedAtOneStepMakesTheCellOnlyWhatItWritesThen() {
        RnnModel m = model(CellType.LSTM, 2, 1);
        int u = 2, t = 5;
        Trace plain = ForwardPass.run(m, INPUT);
        Trace tr = ForwardPass.run(m, INPUT, List.of(Intervention.clampGate(1, F, u, t, t, 0.0)));
        assertEquals(0.0, tr.gate(1, F, t, u));
        assertEquals(tr.gate(1, I, t, u) * tr.gate(1, G, t, u), tr.cellState(1, t, u), 0.0, "c_t = i_t g_t");
        assertNotEquals(plain.cellState(1, t, u), tr.cellState(1, t, u));
        // before t nothing changed; at t the other units did not change; the layer below never changes
        for (int v = 0; v < 5; v++) {
            assertEquals(plain.cellState(1, t - 1, v), tr.cellState(1, t - 1, v), 0.0);
            if (v != u) assertEquals(plain.cellState(1, t, v), tr.cellState(1, t, v), 0.0);
            for (int s = 0; s < T; s++) assertEquals(plain.hidden(0, s, v), tr.hidden(0, s, v), 0.0);
        }
        assertNotEquals(plain.probability(T - 1, 0), tr.probability(T - 1, 0), "the prediction downstream moves");
    }

    @Test
    void forgetGateHeldOpenKeepsTheCellCarrying() {
        RnnModel m = model(CellType.LSTM, 1, 2);
        int u = 1, from = 3, to = 9;
        Trace tr = ForwardPass.run(m, INPUT, List.of(Intervention.clampGate(0, F, u, from, to, 1.0)));
        for (int t = from; t <= to; t++) {
            assertEquals(1.0, tr.gate(0, F, t, u));
            assertEquals(tr.cellState(0, t - 1, u) + tr.gate(0, I, t, u) * tr.gate(0, G, t, u),
                    tr.cellState(0, t, u), 0.0, "c_t = c_{t-1} + i_t g_t at step " + t);
        }
        // forget open and input shut: the cell holds its value exactly over the range
        Trace held = ForwardPass.run(m, INPUT, List.of(Intervention.clampGate(0, F, u, from, to, 1.0),
                Intervention.clampGate(0, I, u, from, to, 0.0)));
        for (int t = from; t <= to; t++) assertEquals(held.cellState(0, from - 1, u), held.cellState(0, t, u), 0.0);
        assertNotEquals(held.cellState(0, from - 1, u), held.cellState(0, to + 1, u), "after the range it moves again");
    }

    @Test
    void updateGateAtOneCopiesTheGruState() {
        RnnModel m = model(CellType.GRU, 1, 3);
        Trace tr = ForwardPass.run(m, INPUT, List.of(Intervention.clampGate(0, 1, 4, 2, 8, 1.0)));
        for (int t = 2; t <= 8; t++) assertEquals(tr.hidden(0, 1, 4), tr.hidden(0, t, 4), 0.0, "h_t = h_{t-1}");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void ablatedUnitIsZeroEverywhereAndChangesTheOthersLater(CellType cell) {
        RnnModel m = model(cell, 2, 4);
        int u = 3;
        Trace plain = ForwardPass.run(m, INPUT);
        Trace tr = ForwardPass.run(m, INPUT, List.of(Intervention.ablate(0, u)));
        for (int t = 0; t < T; t++) assertEquals(0.0, tr.hidden(0, t, u));
        for (int v = 0; v < 5; v++)
            if (v != u) assertEquals(plain.hidden(0, 0, v), tr.hidden(0, 0, v), 0.0, "step 0 reads h_{-1} = 0 only");
        boolean sameLayerMoved = false;
        for (int t = 1; t < T; t++)
            for (int v = 0; v < 5; v++)
                if (v != u && Math.abs(plain.hidden(0, t, v) - tr.hidden(0, t, v)) > 1e-6) sameLayerMoved = true;
        assertTrue(sameLayerMoved, "later steps of the other units change");
        for (int v = 0; v < 5; v++)
            assertNotEquals(plain.hidden(1, 0, v), tr.hidden(1, 0, v), "the layer above sees the ablated unit at once");
        // an ablated unit learns nothing: no gradient reaches its own weights (every gate row of unit u), nor the
        // recurrent weights that read it (column u of W_hh, since h[u] = 0)
        Gradients g = BackwardPass.run(m, tr, CrossEntropyObjective.nextTokenEveryStep(INPUT.tokens()),
                List.of(Intervention.ablate(0, u)));
        var dWih = g.parameter("rnn.weight_ih_l0");
        var dWhh = g.parameter("rnn.weight_hh_l0");
        for (int gate = 0; gate < cell.blocks(); gate++)
            for (int j = 0; j < dWih.numCols; j++) assertEquals(0.0, dWih.get(gate * 5 + u, j));
        for (int row = 0; row < dWhh.numRows; row++) assertEquals(0.0, dWhh.get(row, u));
        assertTrue(g.parameter("rnn.weight_ih_l1").get(0, u) == 0.0 && g.globalNorm() > 0);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void clampOutsideTheSequenceChangesNothing(CellType cell) {
        RnnModel m = model(cell, 2, 5);
        List<Intervention> late = List.of(Intervention.clampHidden(1, 0, T, T + 10, 0.7),
                Intervention.clampGate(0, 0, 2, T + 1, 1000, 0.0));
        Trace plain = ForwardPass.run(m, INPUT);
        Trace tr = ForwardPass.run(m, INPUT, late);
        var objective = CrossEntropyObjective.nextTokenEveryStep(INPUT.tokens());
        Gradients g0 = BackwardPass.run(m, plain, objective), g1 = BackwardPass.run(m, tr, objective, late);
        for (int l = 0; l < 2; l++)
            for (int t = 0; t < T; t++) {
                assertTrue(Arrays.equals(plain.layer(l).act[t].data, tr.layer(l).act[t].data));
                assertTrue(Arrays.equals(plain.layer(l).h[t].data, tr.layer(l).h[t].data));
                assertTrue(Arrays.equals(g0.layer(l).dH[t].data, g1.layer(l).dH[t].data));
            }
        assertEquals(g0.loss(), g1.loss(), 0.0);
    }

    @Test
    void badTargetsAreRefusedWithAClearMessage() {
        RnnModel lstm = model(CellType.LSTM, 2, 6);
        assertMessage(lstm, Intervention.clampHidden(2, 0, 0, 3, 0.0), "intervention layer 2 does not exist (layers 0..1)");
        assertMessage(lstm, Intervention.ablate(0, 5), "intervention unit 5 is outside 0..4");
        assertMessage(lstm, Intervention.clampGate(0, 4, 0, 0, 3, 0.0),
                "gate 4 does not exist in a lstm cell (gates 0..3: input, forget, candidate, output)");
        RnnModel gru = model(CellType.GRU, 1, 7);
        assertMessage(gru, Intervention.clampCell(0, 0, 0, 3, 0.0), "only an LSTM has a cell state to clamp");
        assertMessage(gru, Intervention.clampGate(0, -1, 0, 0, 3, 0.0),
                "gate -1 does not exist in a gru cell (gates 0..2: reset, update, candidate)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Intervention.clampGate(0, 0, 0, 5, 2, 0.5));
        assertEquals("fromStep > toStep", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Intervention.clampHidden(0, 0, 0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Intervention.ablate(0, -1));
    }

    static void assertMessage(RnnModel m, Intervention iv, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForwardPass.run(m, INPUT, List.of(iv)));
        assertEquals(message, e.getMessage());
        Trace tr = ForwardPass.run(m, INPUT);
        e = assertThrows(IllegalArgumentException.class,
                () -> BackwardPass.run(m, tr, DotObjective.sum(m.hiddenSize()), List.of(iv)));
        assertEquals(message, e.getMessage());
    }
}
