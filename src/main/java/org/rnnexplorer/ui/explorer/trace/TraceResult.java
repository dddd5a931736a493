package org.rnnexplorer.ui.explorer.trace;

import java.util.List;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * A finished computation the window shows: the model, the encoded input, the trace, and, when what-ifs are set, the
 * trace with them applied.
 *
 * @param model     the model that ran
 * @param input     the encoded input (its steps are the chips)
 * @param original  the trace without interventions; null when the input has no step
 * @param whatIf    the trace with {@code whatIfs} applied; null when there are none
 * @param whatIfs   the interventions of {@code whatIf}
 * @param millis    how long the computation took off the JavaFX thread
 */
public record TraceResult(RnnModel model, EncodedInput input, Trace original, Trace whatIf,
                          List<Intervention> whatIfs, double millis) {

    public int steps() {
        return original == null ? 0 : original.steps();
    }

    public boolean hasWhatIf() {
        return whatIf != null;
    }

    /** The trace the cell diagram and the equations show: the what-if when asked for and present, else the original. */
    public Trace shown(boolean showWhatIf) {
        return showWhatIf && whatIf != null ? whatIf : original;
    }

    /** The interventions that {@link #shown} applies. */
    public List<Intervention> shownInterventions(boolean showWhatIf) {
        return showWhatIf && whatIf != null ? whatIfs : List.of();
    }
}
