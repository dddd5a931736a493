package org.rnnexplorer.ui.explorer.trace;

import java.util.List;
import org.rnnexplorer.model.CompactTrace;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * A computation the window shows: the model, the encoded input, the trace, and, when what-ifs are set, the trace with
 * them applied. An input whose full trace would not fit the memory budget ({@link TraceViewModel#fullTraceBudget})
 * is kept instead in a {@link CompactTrace}, filled chunk by chunk on a background thread after the result is
 * shown: then {@code original} is null, the heatmaps read the compact columns, and the numbers of the selected step
 * come from {@link Selection#exact()}, recomputed in float64 from the checkpoint before it.
 *
 * @param model     the model that ran
 * @param input     the encoded input (its steps are the chips)
 * @param original  the trace without interventions; null when the input has no step or the trace is compact
 * @param whatIf    the trace with {@code whatIfs} applied; null when there are none (always for a compact trace)
 * @param whatIfs   the interventions of {@code whatIf}
 * @param millis    how long the computation took off the JavaFX thread (for a compact trace: the allocation)
 * @param compact   the compact trace of a long input, or null
 */
public record TraceResult(RnnModel model, EncodedInput input, Trace original, Trace whatIf,
                          List<Intervention> whatIfs, double millis, CompactTrace compact) {

    public TraceResult(RnnModel model, EncodedInput input, Trace original, Trace whatIf, List<Intervention> whatIfs,
                       double millis) {
        this(model, input, original, whatIf, whatIfs, millis, null);
    }

    /** The input's steps (a compact trace may have computed fewer so far: {@link #completedSteps()}). */
    public int steps() {
        if (compact != null) return compact.steps();
        return original == null ? 0 : original.steps();
    }

    /** The steps that can be shown now: all of them, except while a compact trace is being filled. */
    public int completedSteps() {
        return compact != null ? compact.completedSteps() : steps();
    }

    public boolean isCompact() {
        return compact != null;
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
