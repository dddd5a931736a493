package org.rnnexplorer.ui.gradient;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * One finished computation of the gradient lab, built off the FX thread and applied whole.
 *
 * @param gradientChart the gradient over time (one model) or the comparison of three cells
 * @param gateCharts    one chart per gate of the (what-if) model for the selected units
 * @param saturation    the saturation bars of the (what-if) model
 * @param reading       the one line under the chart
 * @param curves        the curves drawn (one, or three when comparing)
 * @param model         the what-if model (sliders applied)
 * @param trace         its trace on the resized input, with {@code gradients}, for the trace export
 * @param tokens        the tokens of the resized input (null for vector input)
 * @param objective     what L is
 */
public record GradientLabResult(JFreeChart gradientChart, List<JFreeChart> gateCharts, JFreeChart saturation,
                                String reading, List<GradientCurve> curves, RnnModel model, Trace trace,
                                Gradients gradients, List<String> tokens, String objective) {
}
