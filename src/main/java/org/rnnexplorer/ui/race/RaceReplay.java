package org.rnnexplorer.ui.race;

import java.util.List;
import java.util.Map;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.ui.explorer.trace.TraceResult;

/**
 * One input of the race's task stepped through by the three trained models.
 *
 * @param text       the input as the input editor writes it (characters, or rows of numbers)
 * @param targets    what the task wants the readout to say after each step ("" where it scores nothing)
 * @param regression whether the readout is a number (else classes, shown as their tokens with a probability)
 * @param traces     each cell's trace over the input, in the race's order
 */
public record RaceReplay(String text, List<String> targets, boolean regression, Map<CellType, TraceResult> traces) {

    public int steps() {
        return targets.size();
    }
}
