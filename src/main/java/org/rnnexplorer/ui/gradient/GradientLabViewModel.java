package org.rnnexplorer.ui.gradient;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnexplorer.analysis.WeightEdit;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.LatestWinsExecutor;
import org.rnnexplorer.ui.common.SessionSlider;

/**
 * The gradient lab's state: the model and input it measures, the what-if sliders (recurrent-weight scale, keep-gate
 * bias, sequence length), the compare toggle and the selected units. Any change recomputes off the FX thread, latest
 * request wins, and the finished {@link GradientLabResult} (charts and reading) is set on the FX thread.
 */
public final class GradientLabViewModel {
    private final ObjectProperty<RnnModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<InputBatch> input = new SimpleObjectProperty<>(this, "input");
    private final ObjectProperty<List<String>> tokens = new SimpleObjectProperty<>(this, "tokens");
    private final DoubleProperty recurrentScale = new SimpleDoubleProperty(this, "recurrentScale", 1.0);
    private final DoubleProperty keepBias = new SimpleDoubleProperty(this, "keepBias", Double.NaN);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 0);
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare", false);
    private final ObjectProperty<int[]> units = new SimpleObjectProperty<>(this, "units");
    private final ReadOnlyObjectWrapper<GradientLabResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper(this, "reading", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final LatestWinsExecutor work;

    /** Applies results with {@link Platform#runLater}. */
    public GradientLabViewModel() {
        this(Platform::runLater);
    }

    /** {@code ui} runs the finished results (the FX thread in the app; any executor in a test). */
    public GradientLabViewModel(Executor ui) {
        work = new LatestWinsExecutor("gradient-lab", ui);
        for (Observable o : List.of(model, input, tokens, recurrentScale, keepBias, steps, compare, units))
            o.addListener(x -> refresh());
    }

    /** Shows {@code m} on {@code in} (tokens may be null), sliders kept as they are. */
    public void show(RnnModel m, InputBatch in, List<String> toks) {
        tokens.set(toks);
        input.set(in);
        model.set(m);
    }

    /** Back to the model as loaded: scale 1, keep-gate bias as trained, the input's own length. */
    public void resetSliders() {
        recurrentScale.set(1.0);
        keepBias.set(Double.NaN);
        steps.set(0);
    }

    /** Recomputes now (off the FX thread); called by every change. */
    public void refresh() {
        RnnModel m = model.get();
        InputBatch in = input.get();
        if (m == null || in == null) return;
        GradientLab lab = new GradientLab(m, in, tokens.get(), recurrentScale.get(), keepBias.get(), steps.get(),
                compare.get(), units.get());
        busy.set(true);
        work.submit(lab::compute, r -> {
            busy.set(false);
            error.set("");
            reading.set(r.reading());
            result.set(r);
        }, e -> {
            busy.set(false);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }

    /** The mean trained keep-gate bias of the top layer (NaN for a vanilla RNN): where the bias slider starts. */
    public double trainedKeepBias() {
        RnnModel m = model.get();
        if (m == null) return Double.NaN;
        double s = 0;
        int top = m.layerCount() - 1;
        for (int u = 0; u < m.hiddenSize(); u++) s += WeightEdit.keepBiasOf(m, top, u);
        return s / m.hiddenSize();
    }

    /** The sequence length the slider shows when {@link #stepsProperty()} is 0. */
    public int inputSteps() {
        return input.get() == null ? 0 : input.get().steps();
    }

    public ObjectProperty<RnnModel> modelProperty() { return model; }
    public ObjectProperty<InputBatch> inputProperty() { return input; }
    public ObjectProperty<List<String>> tokensProperty() { return tokens; }
    /** W_hh ← s · W_hh (1 = as trained). */
    public DoubleProperty recurrentScaleProperty() { return recurrentScale; }
    /** The forget (LSTM) / update (GRU) gate bias; NaN = as trained. */
    public DoubleProperty keepBiasProperty() { return keepBias; }
    /** Sequence length T; 0 = the input's own. */
    public IntegerProperty stepsProperty() { return steps; }
    public BooleanProperty compareProperty() { return compare; }
    /** The units whose gates are drawn (null: the first three). */
    public ObjectProperty<int[]> unitsProperty() { return units; }
    public ReadOnlyObjectProperty<GradientLabResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty readingProperty() { return reading.getReadOnlyProperty(); }
    /** The last computation's error in one line ("" when it worked). */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public GradientLabResult getResult() { return result.get(); }

    /** The sliders and the compare switch, as sessions keep them. */
    public List<SessionSlider> sessionSliders() {
        return List.of(SessionSlider.of("gradientLab.recurrentScale", recurrentScale, 1.0),
                SessionSlider.of("gradientLab.keepBias", keepBias, Double.NaN),
                SessionSlider.of("gradientLab.steps", steps, 0),
                SessionSlider.of("gradientLab.compare", compare));
    }

    /** Stops the worker thread (when the pane is thrown away). */
    public void dispose() {
        work.close();
    }
}
