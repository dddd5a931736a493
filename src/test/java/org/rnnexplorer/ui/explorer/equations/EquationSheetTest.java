package org.rnnexplorer.ui.explorer.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.explorer.trace.DemoModels;
import org.rnnexplorer.ui.explorer.trace.EncodedInput;

/** The equations panel's numbers are the engine's numbers, written in the deck's W·[h_{t−1}, x_t] + b form. */
class EquationSheetTest {

    static Trace trace(RnnModel m, String text) {
        return ForwardPass.run(m, EncodedInput.of(m, text).batch());
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void gatePartsAddUpToThePreActivationTheEngineRecorded(CellType cell) {
        RnnModel m = DemoModels.build(cell, 6, 2, 3);
        Trace tr = trace(m, "the cat (sat).");
        for (int l = 0; l < 2; l++)
            for (int t = 0; t < tr.steps(); t++)
                for (int u = 0; u < 6; u++)
                    for (int g = 0; g < cell.blocks(); g++) {
                        if (cell == CellType.GRU && g == 2) continue; // the GRU candidate has its own form
                        double[] x = new double[tr.layer(l).x[t].numCols];
                        System.arraycopy(tr.layer(l).x[t].data, 0, x, 0, x.length);
                        double[] hp = new double[6];
                        System.arraycopy(tr.layer(l).hPrev(t).data, 0, hp, 0, 6);
                        EquationSheet.Parts p = EquationSheet.parts(m.layer(l), g, 6, u, hp, x);
                        assertEquals(tr.preActivation(l, g, t, u), p.sum(), 1e-12, cell + " gate " + g);
                    }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void eachLineEndsWithTheValueTheCellComputed(CellType cell) {
        RnnModel m = DemoModels.build(cell, 8, 1, 5);
        Trace tr = trace(m, "the dog did not.");
        int t = 6, u = 3;
        List<EquationLine> lines = EquationSheet.lines(m, tr, 0, t, u);
        assertEquals(switch (cell) { case RNN -> 1; case LSTM -> 6; case GRU -> 4; }, lines.size());
        for (EquationLine e : lines) assertTrue(e.numbers().endsWith("= " + Num.f(e.value())), e.numbers());
        EquationLine last = lines.get(lines.size() - 1);
        assertEquals(tr.hidden(0, t, u), last.value(), 0.0);
        if (cell == CellType.LSTM) {
            assertEquals("Forget gate", lines.get(0).name());
            assertEquals("fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)", lines.get(0).formula());
            assertEquals(tr.gate(0, 1, t, u), lines.get(0).value(), 0.0);
            double c = tr.gate(0, 1, t, u) * tr.cellState(0, t - 1, u) + tr.gate(0, 0, t, u) * tr.gate(0, 2, t, u);
            assertEquals(c, lines.get(3).value(), 1e-12, "C_t = f C_{t-1} + i C~");
            assertEquals(tr.gate(0, 3, t, u) * Math.tanh(c), last.value(), 1e-12, "h_t = o tanh(C_t)");
        }
        if (cell == CellType.GRU) {
            double z = tr.gate(0, 1, t, u), n = tr.gate(0, 2, t, u);
            assertEquals((1 - z) * n + z * tr.hidden(0, t - 1, u), last.value(), 1e-12, "h = (1-z) n + z h_{t-1}");
            assertTrue(lines.get(2).name().contains("reset after"));
        }
    }

    @org.junit.jupiter.api.Test
    void numbersUseATrueMinusAndBracketNegativeTerms() {
        assertEquals("−1.235", Num.f(-1.2345));
        assertEquals("(−0.500)", Num.term(-0.5));
        assertEquals("0.000", Num.f(-0.0001));
        assertEquals("41%", Num.percent(0.414));
    }

    @org.junit.jupiter.api.Test
    void aHeldGateShowsWhatTheCellComputedThenTheHeldValue() {
        RnnModel m = DemoModels.build(CellType.LSTM, 5, 1, 9);
        List<org.rnnexplorer.model.Intervention> ivs =
                List.of(org.rnnexplorer.model.Intervention.clampGate(0, 1, 2, 0, Integer.MAX_VALUE, 0.0));
        Trace tr = ForwardPass.run(m, EncodedInput.of(m, "a cat (sat)").batch(), ivs);
        int t = 4;
        List<EquationLine> lines = EquationSheet.lines(m, tr, 0, t, 2, ivs);
        EquationLine f = lines.get(0);
        assertEquals("Forget gate (held by the what-if)", f.name());
        assertEquals(0.0, f.value(), 0.0);
        double computed = 1 / (1 + Math.exp(-tr.preActivation(0, 1, t, 2)));
        assertTrue(f.numbers().endsWith("= " + Num.f(computed) + " → held at 0.000"), f.numbers());
        assertEquals(tr.gate(0, 0, t, 2) * tr.gate(0, 2, t, 2), lines.get(3).value(), 1e-15, "C_t = i C~ when f = 0");
        assertEquals("Input gate", lines.get(1).name(), "other gates are not marked");
        assertEquals(EquationSheet.lines(m, tr, 0, t, 3, ivs), EquationSheet.lines(m, tr, 0, t, 3),
                "another unit is not held");
    }
}
