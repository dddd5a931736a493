package org.rnnexplorer.ui.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnexplorer.analysis.GradientCurve;
import org.rnnexplorer.dev.LabSamples;
import org.rnnexplorer.model.RnnModel;

/** The lab's computation without a window: what the sliders do to the gradient of the bundled LSTM. */
class GradientLabTest {
    final RnnModel lstm = LabSamples.bundledModel("brackets-lstm.json");
    final LabSamples.EncodedText text = LabSamples.encode(lstm, LabSamples.bundledText("brackets.txt"), 80);

    GradientLabResult run(double keepBias) {
        return new GradientLab(lstm, text.input(), text.tokens(), 1.0, keepBias, 0, false, null).compute();
    }

    @Test
    void aHighForgetBiasKeepsTheGradientAndALowOneMakesItVanish() {
        GradientLabResult open = run(8.0);
        GradientLabResult shut = run(-4.0);
        GradientCurve keep = open.curves().get(0);
        GradientCurve lose = shut.curves().get(0);
        assertEquals(GradientReading.Verdict.VANISHING, GradientReading.verdict(lose), shut.reading());
        assertTrue(GradientReading.ratio(keep) > 1e6 * GradientReading.ratio(lose),
                open.reading() + " / " + shut.reading());
        // the reading reports the forget gate the bias produced: σ(8 + ...) is close to 1, σ(−4 + ...) close to 0
        double fOpen = GradientReading.meanGate(open.trace(), 0, 1);
        double fShut = GradientReading.meanGate(shut.trace(), 0, 1);
        assertTrue(fOpen > 0.9 && fShut < 0.2, fOpen + " " + fShut);
        assertTrue(open.reading().startsWith(String.format(java.util.Locale.ROOT, "mean forget gate f = %.2f", fOpen)),
                open.reading());
    }

    @Test
    void theModelItselfIsNotChanged() {
        double before = lstm.layer(0).bIh.get(0, lstm.hiddenSize());
        double whh = lstm.layer(0).wHh.get(0, 0);
        new GradientLab(lstm, text.input(), text.tokens(), 2.5, -3, 120, true, new int[] {29, 8}).compute();
        assertEquals(before, lstm.layer(0).bIh.get(0, lstm.hiddenSize()));
        assertEquals(whh, lstm.layer(0).wHh.get(0, 0));
    }

    @Test
    void scientificNumbersReadLikeABook() {
        assertEquals("2.7·10⁻¹⁰", GradientReading.scientific(2.7e-10));
        assertEquals("4.0·10²", GradientReading.scientific(400));
        assertEquals("0.50", GradientReading.scientific(0.5));
    }
}
