package org.rnnexplorer.ui.explorer.trace;

import java.util.List;
import org.rnnexplorer.model.Intervention;

/**
 * What opening a model or a session puts on screen at once, made off the JavaFX thread.
 *
 * @param source  where the model comes from
 * @param text    the input editor's text
 * @param whatIfs the what-ifs (empty for a model just opened)
 * @param layer   the selected layer
 * @param unit    the selected unit
 * @param step    the step shown (kept inside the input)
 * @param result  the model's trace over the text
 */
public record Opening(ModelSource source, String text, List<Intervention> whatIfs, int layer, int unit, int step,
                      TraceResult result) {
}
