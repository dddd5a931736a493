package org.rnnexplorer.ui.explorer.trace;

import java.util.List;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.StepWindow;
import org.rnnexplorer.model.Trace;

/**
 * What the cell tab shows, taken whole: the trace and the step, layer and unit selected in it, and whether the
 * diagram and the equations show the what-if trace. Set only when these agree (the step inside the input, the layer
 * and unit inside the model), so the views derived from it never see a model with the old one's selection. For a
 * compact trace it carries {@code exact}: the selected step recomputed in float64 from the checkpoint before it, so
 * the numbers on screen are the engine's, not the stored 8- or 16-bit values.
 */
public record Selection(TraceResult result, int step, int layer, int unit, boolean showWhatIf, StepWindow exact) {

    public Selection(TraceResult result, int step, int layer, int unit, boolean showWhatIf) {
        this(result, step, layer, unit, showWhatIf, null);
    }

    public boolean hasSteps() {
        return result != null && result.steps() > 0 && (!result.isCompact() || exact != null);
    }

    /**
     * The trace the diagram and the equations read at {@link #shownStep()}: the what-if when asked for and there is
     * one; for a compact trace, the recomputed stretch (which starts at a checkpoint, not at step 0).
     */
    public Trace shown() {
        return exact != null ? exact.trace() : result.shown(showWhatIf);
    }

    /** The selected step's index in {@link #shown()}: the step itself, or for a compact trace its place in the stretch. */
    public int shownStep() {
        return exact != null ? step - exact.offset() : step;
    }

    /** The interventions of {@link #shown}. */
    public List<Intervention> shownInterventions() {
        return exact != null ? List.of() : result.shownInterventions(showWhatIf);
    }

    /** The token of the selected step. */
    public String token() {
        return result.input().tokens().get(step);
    }
}
