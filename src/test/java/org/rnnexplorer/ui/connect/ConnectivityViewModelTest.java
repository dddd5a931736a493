package org.rnnexplorer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** The hovered step's connectivity without a toolkit: the row of analysis.Connectivity, and only the latest hover. */
class ConnectivityViewModelTest {
    static final Path REFERENCE_LSTM = Path.of("src/test/resources/reference/charlm-lstm-1layer.json");
    final QueueApplier applier = new QueueApplier();
    final TraceViewModel trace = new TraceViewModel(applier, new FakeDialogService());
    final ConnectivityViewModel vm = new ConnectivityViewModel(trace, applier);

    @AfterEach
    void close() {
        vm.close();
        trace.close();
    }

    void open() throws InterruptedException {
        ModelSource s = new ModelSource.OnDisk(REFERENCE_LSTM);
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && !trace.busyProperty().get());
    }

    @Test
    void aHoveredStepLightsTheRowOfConnectivity() throws Exception {
        open();
        assertTrue(vm.captionProperty().get().startsWith("Hover a chip"), vm.captionProperty().get());
        vm.hoveredProperty().set(20);
        applier.until(() -> vm.litProperty().get() != null);
        ConnectivityViewModel.Lit lit = vm.litProperty().get();
        TraceResult r = trace.result();
        Connectivity.Row expected = Connectivity.atStep(r.model(), r.input().batch(), 20, PredictionTarget.PREDICTED_TOKEN);
        assertArrayEquals(expected.norms(), lit.row().norms(), 0);
        assertEquals(21, lit.row().norms().length, "steps 0..20");
        double max = 0;
        int best = 0;
        for (int t = 0; t < 20; t++) {
            if (expected.norms()[t] > max) best = t;
            max = Math.max(max, expected.norms()[t]);
        }
        assertEquals(max, lit.max(), 0, "the colours' scale: the largest over the earlier inputs");
        assertEquals(1.0, lit.relative(best), 0);
        assertTrue(vm.captionProperty().get().contains("earlier, most on step " + (best + 1) + " '"),
                vm.captionProperty().get());
        assertTrue(vm.captionProperty().get().startsWith("Step 21 → '"),
                vm.captionProperty().get());
        vm.hoveredProperty().set(-1);
        assertNull(vm.litProperty().get(), "leaving the chips puts the lights out");
    }

    @Test
    void hoveringFastComputesFewRowsAndShowsOnlyTheLast() throws Exception {
        open();
        StringBuilder longer = new StringBuilder();
        while (longer.length() < 600) longer.append(trace.inputTextProperty().get()).append(' ');
        trace.inputTextProperty().set(longer.toString());
        applier.until(() -> !trace.busyProperty().get() && trace.steps() > 500);
        List<Integer> shown = new ArrayList<>();
        vm.litProperty().addListener((o, a, b) -> {
            if (b != null) shown.add(b.row().step());
        });
        for (int s = 100; s < 500; s++) vm.hoveredProperty().set(s); // the mouse sweeps over 400 chips
        applier.until(() -> vm.litProperty().get() != null);
        assertEquals(List.of(499), shown, "only the step under the mouse at the end is shown");
        assertTrue(vm.computedCount() < 400, "the sweep did not queue 400 rows: " + vm.computedCount());
        assertEquals(499, vm.litProperty().get().row().step());
    }
}
