package org.rnnexplorer.ui.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.HiddenStatePca;
import org.rnnexplorer.ui.common.FakeDialogService;
import org.rnnexplorer.ui.common.QueueApplier;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/** The PCA path of h without a toolkit: computed when shown, from the open trace and layer, and following the step. */
class PcaPathViewModelTest {
    static final Path REFERENCE_GRU = Path.of("src/test/resources/reference/charlm-gru-2layer.json");
    final QueueApplier applier = new QueueApplier();
    final TraceViewModel trace = new TraceViewModel(applier, new FakeDialogService());
    final PcaPathViewModel vm = new PcaPathViewModel(trace, applier);

    @AfterEach
    void close() {
        vm.close();
        trace.close();
    }

    @Test
    void thePathIsTheLayersPrincipalComponentsAndTheMarkerFollowsTheStep() throws Exception {
        ModelSource s = new ModelSource.OnDisk(REFERENCE_GRU);
        trace.open(s);
        applier.until(() -> trace.sourceProperty().get() == s && !trace.busyProperty().get());
        assertNull(vm.pathProperty().get(), "nothing is computed while no view shows it");
        vm.wantedProperty().set(true);
        applier.until(() -> vm.pathProperty().get() != null);
        HiddenStatePca expected = HiddenStatePca.of(trace.result().original(), 0, 2);
        PcaPathViewModel.Path p = vm.pathProperty().get();
        assertSame(trace.result(), p.result());
        for (int t = 0; t < trace.steps(); t++) assertArrayEquals(expected.path()[t], p.pca().path()[t], 1e-12);
        assertTrue(vm.captionProperty().get().startsWith("h of layer 1 over the " + trace.steps() + " steps"));

        trace.jumpTo(7);
        assertEquals(7, vm.stepProperty().get());
        assertArrayEquals(expected.path()[7], vm.marker(), 1e-12);
        trace.jumpTo(12);
        assertArrayEquals(expected.path()[12], vm.marker(), 1e-12);

        trace.layerProperty().set(1);
        applier.until(() -> vm.pathProperty().get().layer() == 1);
        HiddenStatePca top = HiddenStatePca.of(trace.result().original(), 1, 2);
        assertArrayEquals(top.path()[12], vm.marker(), 1e-12, "the other layer's path, still at step 13");
    }
}
