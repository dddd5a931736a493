package org.rnnexplorer.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnexplorer.data.InputLimits;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;

/**
 * What was on screen: the model (with any weights trained in the app), the input, the selected layer, unit and step,
 * the slider values and the clamps. A session that exists is consistent: the constructor refuses (with an
 * IllegalArgumentException saying what is wrong) an input the model cannot read, a selection outside the model or
 * the input, and a clamp of a gate, layer or unit the model does not have. {@link SessionFile} writes and reads it.
 * The model is held as given (its weights stay live); the series is copied in and out. Being a record with an array
 * and a model in it, {@code equals} compares those by identity: compare {@link SessionFile#fingerprint} for models.
 *
 * @param model         the model as it is now (trained weights included)
 * @param bundledModel  the bundled model it was opened from, as a path under {@code /bundled}
 *                      (e.g. {@code models/lstm-brackets.json}), or null
 * @param text          the input text for a model with a vocabulary, else null (may be empty: nothing typed yet)
 * @param series        the numeric input, one row of {@code inputSize} numbers per step, for a model without a
 *                      vocabulary, else null (may have no rows)
 * @param layer         the selected layer (0 at the bottom)
 * @param unit          the selected unit of that layer
 * @param step          the selected step (0 when the input is empty)
 * @param sliders       slider values by name, in the order shown; the UI names them
 * @param clamps        the interventions in force
 */
public record Session(RnnModel model, String bundledModel, String text, double[][] series, int layer, int unit,
                      int step, Map<String, Double> sliders, List<Intervention> clamps) {
    /** Most sliders and most clamps in a session. */
    public static final int MAX_SLIDERS = 1000;
    public static final int MAX_CLAMPS = 1000;
    /** Longest slider name. */
    public static final int MAX_NAME_LENGTH = 200;

    public Session {
        if (model == null) throw new IllegalArgumentException("the session has no model");
        if (bundledModel != null && !SessionFile.isBundledPath(bundledModel))
            throw new IllegalArgumentException("bundled model path " + ModelFileReader.quoteShort(bundledModel)
                    + " is not a relative path to a .json file");
        boolean tokens = !model.vocabulary().isEmpty();
        if (text != null && series != null) throw new IllegalArgumentException("the input is both a text and a series");
        if (tokens && text == null)
            throw new IllegalArgumentException("the model reads text (a vocabulary of " + model.vocabulary().size()
                    + " tokens) but the input is " + (series != null ? "a series of numbers" : "missing"));
        if (!tokens && series == null)
            throw new IllegalArgumentException("the model reads numbers (inputSize " + model.inputSize()
                    + ", no vocabulary) but the input is " + (text != null ? "a text" : "missing"));
        int steps = tokens ? encode(model, text).length : checkSeries(model, series);
        if (layer < 0 || layer >= model.layerCount())
            throw new IllegalArgumentException("selected layer " + layer + " is outside 0.." + (model.layerCount() - 1));
        if (unit < 0 || unit >= model.hiddenSize())
            throw new IllegalArgumentException("selected unit " + unit + " is outside 0.." + (model.hiddenSize() - 1));
        if (step < 0 || step >= Math.max(steps, 1))
            throw new IllegalArgumentException("selected step " + step + " is outside 0.." + (Math.max(steps, 1) - 1)
                    + " (the input has " + steps + " steps)");
        sliders = checkSliders(sliders);
        clamps = checkClamps(model, clamps);
        if (series != null) series = deepCopy(series);
    }

    /** A session showing {@code model} over {@code text}, first layer, unit and step selected, no sliders or clamps. */
    public static Session ofText(RnnModel model, String text) {
        return new Session(model, null, text, null, 0, 0, 0, Map.of(), List.of());
    }

    /** A session showing {@code model} over the rows of {@code series}, first layer, unit and step selected. */
    public static Session ofSeries(RnnModel model, double[][] series) {
        return new Session(model, null, null, series, 0, 0, 0, Map.of(), List.of());
    }

    public Session withModel(RnnModel m) {
        return new Session(m, bundledModel, text, series, layer, unit, step, sliders, clamps);
    }

    public Session withBundledModel(String path) {
        return new Session(model, path, text, series, layer, unit, step, sliders, clamps);
    }

    public Session withSelection(int l, int u, int t) {
        return new Session(model, bundledModel, text, series, l, u, t, sliders, clamps);
    }

    public Session withSliders(Map<String, Double> values) {
        return new Session(model, bundledModel, text, series, layer, unit, step, values, clamps);
    }

    public Session withClamps(List<Intervention> list) {
        return new Session(model, bundledModel, text, series, layer, unit, step, sliders, list);
    }

    /** A copy of the numeric input (the record keeps its own), or null for text input. */
    @Override
    public double[][] series() {
        return series == null ? null : deepCopy(series);
    }

    /** The number of steps of the input (tokens of the text, or rows of the series). */
    public int steps() {
        return series != null ? series.length : tokenize(model, text).size();
    }

    /** The tokens of the text input with the model's tokenizer; empty for numeric input. */
    public List<String> tokens() {
        return text == null ? List.of() : tokenize(model, text);
    }

    /** The input as the engine takes it; null when the input is empty. */
    public InputBatch inputBatch() {
        if (steps() == 0) return null;
        return text != null ? InputBatch.ofTokens(encode(model, text)) : InputBatch.ofVectors(series());
    }

    private static List<String> tokenize(RnnModel model, String text) {
        return TextEncoding.tokenizerOf(model).split(text);
    }

    private static int[] encode(RnnModel model, String text) {
        TextEncoding encoding = TextEncoding.of(model);
        List<String> tokens = encoding.split(text);
        String unit = encoding.stepsName();
        InputLimits.checkSteps(tokens.size(), "the input text", unit);
        try {
            return encoding.encode(tokens);
        } catch (UnknownTokenException e) {
            throw new IllegalArgumentException("the input text has " + unit + " outside the model's vocabulary: "
                    + e.describePositions(unit));
        }
    }

    private static int checkSeries(RnnModel model, double[][] series) {
        InputLimits.checkSteps(series.length, "the input series", "rows");
        for (int t = 0; t < series.length; t++) {
            if (series[t] == null || series[t].length != model.inputSize())
                throw new IllegalArgumentException("input row " + t + " has " + (series[t] == null ? 0 : series[t].length)
                        + " numbers, expected inputSize " + model.inputSize());
            for (int j = 0; j < series[t].length; j++)
                if (!Double.isFinite(series[t][j]))
                    throw new IllegalArgumentException("input row " + t + ", number " + j + " is " + series[t][j]
                            + "; only finite numbers are allowed");
        }
        return series.length;
    }

    private static Map<String, Double> checkSliders(Map<String, Double> sliders) {
        if (sliders == null) return Map.of();
        if (sliders.size() > MAX_SLIDERS)
            throw new IllegalArgumentException(sliders.size() + " sliders; the limit is " + MAX_SLIDERS);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : sliders.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH)
                throw new IllegalArgumentException("a slider name must have 1 to " + MAX_NAME_LENGTH + " characters");
            if (e.getValue() == null || !Double.isFinite(e.getValue()))
                throw new IllegalArgumentException("slider " + UnknownTokenException.quote(name) + " is " + e.getValue()
                        + "; slider values are finite numbers");
            out.put(name, e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Intervention> checkClamps(RnnModel model, List<Intervention> clamps) {
        if (clamps == null) return List.of();
        if (clamps.size() > MAX_CLAMPS)
            throw new IllegalArgumentException(clamps.size() + " clamps; the limit is " + MAX_CLAMPS);
        List<Intervention> out = new ArrayList<>(clamps.size());
        for (int i = 0; i < clamps.size(); i++) {
            Intervention c = clamps.get(i);
            String which = "clamp " + i;
            if (c == null) throw new IllegalArgumentException(which + " is missing");
            if (c.layer() >= model.layerCount())
                throw new IllegalArgumentException(which + ": layer " + c.layer() + " is outside 0.." + (model.layerCount() - 1));
            if (c.unit() >= model.hiddenSize())
                throw new IllegalArgumentException(which + ": unit " + c.unit() + " is outside 0.." + (model.hiddenSize() - 1));
            if (c.fromStep() < 0) throw new IllegalArgumentException(which + ": from step " + c.fromStep() + " is negative");
            if (c.target() == Intervention.Target.GATE && (c.gate() < 0 || c.gate() >= model.cell().gateNames().size()))
                throw new IllegalArgumentException(which + ": the " + model.cell().id() + " cell has no gate " + c.gate());
            if (c.target() == Intervention.Target.CELL && !model.cell().hasCellState())
                throw new IllegalArgumentException(which + ": the " + model.cell().id() + " cell has no cell state");
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i] == null ? null : a[i].clone();
        return out;
    }
}
