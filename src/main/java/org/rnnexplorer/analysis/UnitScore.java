package org.rnnexplorer.analysis;

/**
 * How well one series follows a hypothesis.
 *
 * @param series      which layer, quantity and unit
 * @param index       its index in the {@link SeriesLayout}
 * @param correlation Pearson's r over the steps (0 when the series is constant)
 * @param precision   of the unit's "on" steps, the fraction where the hypothesis is on (NaN when never on)
 * @param recall      of the hypothesis's on steps, the fraction where the unit is on (NaN when the hypothesis never is)
 * @param onSteps     steps where the unit is on: its value above the threshold, flipped (see {@link UnitFinder})
 *                    when r &lt; 0
 * @param sparkline   the series downsampled: the mean of each of {@code sparkline.length} equal stretches of steps
 */
public record UnitScore(SeriesId series, int index, double correlation, double precision, double recall, int onSteps,
                        float[] sparkline) {
}
