package org.rnnexplorer.ui.connect;

import java.util.Locale;
import org.rnnexplorer.ui.common.ViewOptions;
import org.rnnexplorer.ui.explorer.strip.ChipLights;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * Joins the sequence strip to the connectivity of the hovered step: the chip under the mouse is the step asked
 * about, and every chip up to it gets a light under its predictions, c_{s,t} = ‖∂f_s/∂x_t‖ written out, on the
 * sequential scale of c_{s,t} / max_t c_{s,t} (white: no dependence, dark green: the input it depends on most).
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

    /** A norm in at most 6 characters: "0.032", "1.27", "9.0e-10". */
    public static String text(double v) {
        if (v == 0) return "0";
        if (v >= 0.001 && v < 10) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.1e", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
