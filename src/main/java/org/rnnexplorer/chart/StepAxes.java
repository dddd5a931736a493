package org.rnnexplorer.chart;

import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;

/** The time axis: the input tokens under their steps when the input is short enough to read, else step numbers. */
final class StepAxes {
    /** Up to this many tokens are written under the axis. */
    static final int MAX_TOKEN_LABELS = 60;

    private StepAxes() {
    }

    static ValueAxis time(List<String> tokens, int steps) {
        if (tokens != null && tokens.size() == steps && steps <= MAX_TOKEN_LABELS) {
            String[] labels = new String[steps];
            boolean longest = false;
            for (int t = 0; t < steps; t++) {
                labels[t] = visible(tokens.get(t));
                longest |= labels[t].length() > 2;
            }
            SymbolAxis axis = new SymbolAxis("input token (step t = 0 … " + (steps - 1) + ")", labels);
            axis.setGridBandsVisible(false);
            axis.setVerticalTickLabels(longest && steps > 12);
            axis.setRange(-0.5, steps - 0.5);
            return axis;
        }
        NumberAxis axis = new NumberAxis("step t");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(-0.5, steps - 0.5);
        return axis;
    }

    /** A token as it can be seen: space as ␣, newline as ↵, tab as ⇥. */
    static String visible(String token) {
        if (token.equals(" ")) return "\u2423";
        return token.replace("\n", "\u21B5").replace("\t", "\u21E5");
    }
}
