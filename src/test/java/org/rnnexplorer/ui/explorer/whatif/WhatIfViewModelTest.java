package org.rnnexplorer.ui.explorer.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.Num;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.equations.EquationLine;
import org.rnnexplorer.ui.explorer.equations.EquationsViewModel;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** What-ifs on the PyTorch-trained reference LSTM: the changed trace beside the original, and what the panel says. */
class WhatIfViewModelTest {
    final QueueApplier applier = new QueueApplier();
    final TraceViewModel trace = new TraceViewModel(applier, new FakeDialogService());
    final WhatIfViewModel whatIf = new WhatIfViewModel(trace);
    final EquationsViewModel equations = new EquationsViewModel(trace);

    @BeforeEach
    void open() throws InterruptedException {
        trace.open(new ModelSource.OnDisk(Path.of("src/test/resources/reference/charlm-lstm-1layer.json")));
        settle();
    }

    @AfterEach
    void close() {
        trace.close();
    }

    void settle() throws InterruptedException {
        applier.until(() -> trace.result() != null && !trace.busyProperty().get());
    }

    @Test
    void clampingTheForgetGateGivesAWhatIfTraceBesideTheOriginal() throws Exception {
        trace.selectUnit(5);
        whatIf.clampGate(1, 0.0);
        settle();
        TraceResult r = trace.result();
        assertTrue(r.hasWhatIf());
        for (int t = 0; t < r.steps(); t++) {
            assertEquals(0.0, r.whatIf().gate(0, 1, t, 5), 0.0);
            assertTrue(r.original().gate(0, 1, t, 5) > 0, "the original forget gate is open a little at every step");
        }
        // with f = 0 the cell forgets everything: C_t = i_t C~_t
        int t = 10;
        assertEquals(r.whatIf().gate(0, 0, t, 5) * r.whatIf().gate(0, 2, t, 5), r.whatIf().cellState(0, t, 5), 1e-12);
        assertTrue(whatIf.summaryProperty().get().startsWith("forget gate of unit 5 (layer 1) held at 0.000"),
                whatIf.summaryProperty().get());
        trace.jumpTo(t);
        assertEquals("at step 11, unit 5: h = " + Num.f(r.original().hidden(0, t, 5)) + " → "
                + Num.f(r.whatIf().hidden(0, t, 5)) + " with the what-if", whatIf.atStepProperty().get());
        whatIf.clear();
        settle();
        assertFalse(trace.result().hasWhatIf());
        assertTrue(whatIf.summaryProperty().get().startsWith("No what-if"));
        assertEquals("", whatIf.atStepProperty().get());
    }

    @Test
    void clampingTheSameGateAgainReplacesTheClamp() throws Exception {
        trace.selectUnit(2);
        whatIf.clampGate(1, 0.0);
        whatIf.clampGate(1, 1.0);
        settle();
        assertEquals(1, trace.whatIfs().size());
        assertEquals(1.0, trace.whatIfs().get(0).value(), 0.0);
    }

    @Test
    void ablatingAUnitZeroesItsHiddenValueAtEveryStepAndTheEquationsSaySo() throws Exception {
        trace.selectUnit(11);
        whatIf.ablateSelectedUnit();
        settle();
        TraceResult r = trace.result();
        for (int t = 0; t < r.steps(); t++) assertEquals(0.0, r.whatIf().hidden(0, t, 11), 0.0);
        assertTrue(whatIf.summaryProperty().get().startsWith("unit 11 (layer 1) ablated (h = 0)"),
                whatIf.summaryProperty().get());
        trace.showWhatIfProperty().set(true);
        EquationLine h = equations.lines().get(equations.lines().size() - 1);
        assertEquals("Hidden state (held by the what-if)", h.name());
        assertTrue(h.numbers().endsWith("→ held at 0.000"), h.numbers());
        assertTrue(trace.unitLabelProperty().get().endsWith(" (what-if)"), trace.unitLabelProperty().get());
    }
}
