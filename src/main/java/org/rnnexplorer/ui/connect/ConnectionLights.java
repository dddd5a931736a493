package org.rnnexplorer.ui.connect;

import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.strip.ChipLights;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * Joins the sequence strip to the connectivity of the hovered step: the chip under the mouse is the step asked
 * about, and every chip up to it gets a light under its predictions, c_{s,t} = ‖∂f_s/∂x_t‖ written out, on the
 * sequential scale of c_{s,t} over the largest of the earlier inputs' (white: no dependence, dark green: the earlier
 * input it depends on most, and the step's own input when it is larger still).
 */
public final class ConnectionLights {
    private ConnectionLights() {
    }

    public static void install(SequenceStrip strip, ConnectivityViewModel vm, TraceViewModel trace, ViewOptions view) {
        strip.setOnHover(vm.hoveredProperty()::set);
        strip.setLights(t -> {
            ConnectivityViewModel.Lit l = vm.litProperty().get();
            if (l == null || l.result() != trace.result() || t > l.row().step()) return null;
            return new ChipLights.Light(text(l.row().norms()[t]), view.palette().sigmoid(l.relative(t)));
        });
        vm.litProperty().addListener((o, a, b) -> strip.refresh());
        strip.note().textProperty().bind(vm.captionProperty());
    }

    /** A norm in at most 7 characters: "0.032", "1.27", "15.5", "9.0e-10". */
    public static String text(double v) {
        return ConnectivityViewModel.text(v);
    }
}
