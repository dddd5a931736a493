package org.rnnexplorer.ui.explorer.trace;

import java.util.List;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.Trace;

/**
 * What the cell tab shows, taken whole: the finished trace and the step, layer and unit selected in it, and whether
 * the diagram and the equations show the what-if trace. Set only when these agree (the step inside the input, the
 * layer and unit inside the model), so the views derived from it never see a model with the old one's selection.
 */
public record Selection(TraceResult result, int step, int layer, int unit, boolean showWhatIf) {

    public boolean hasSteps() {
        return result != null && result.steps() > 0;
    }

    /** The trace the diagram and the equations show: the what-if when asked for and there is one. */
    public Trace shown() {
        return result.shown(showWhatIf);
    }

    /** The interventions of {@link #shown}. */
    public List<Intervention> shownInterventions() {
        return result.shownInterventions(showWhatIf);
    }

    /** The token of the selected step. */
    public String token() {
        return result.input().tokens().get(step);
    }
}
