package org.rnnexplorer.ui.gradient;

import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * The gradient lab's sliders under the chart: the recurrent-weight scale, the keep-gate bias (LSTM forget gate, GRU
 * update gate) and the sequence length, each with a label saying its value and a hint saying what moving it does.
 * They follow the view model and set it (rounded to the slider's steps).
 */
final class LabSliders extends GridPane {
    static final double SCALE_MIN = 0.0;
    static final double SCALE_MAX = 3.0;
    static final double BIAS_MIN = -6.0;
    static final double BIAS_MAX = 8.0;
    static final int STEPS_MIN = 2;
    static final int STEPS_MAX = 400;

    private final GradientLabViewModel vm;
    private final Slider scale = new Slider(SCALE_MIN, SCALE_MAX, 1.0);
    private final Slider bias = new Slider(BIAS_MIN, BIAS_MAX, 1.0);
    private final Slider steps = new Slider(0, STEPS_MAX, 40);
    private final Label scaleLabel = new Label();
    private final Label biasLabel = new Label();
    private final Label stepsLabel = new Label();
    private final Label biasHint = new Label();
    private boolean settingSliders;

    LabSliders(GradientLabViewModel vm) {
        this.vm = vm;
        scale.setId("scale");
        bias.setId("bias");
        steps.setId("steps");
        scaleLabel.setId("scale-label");
        biasLabel.setId("bias-label");
        stepsLabel.setId("steps-label");
        scale.setMajorTickUnit(0.5);
        scale.setShowTickMarks(true);
        scale.setShowTickLabels(true);
        scale.setBlockIncrement(0.05);
        bias.setMajorTickUnit(2);
        bias.setShowTickMarks(true);
        bias.setShowTickLabels(true);
        bias.setBlockIncrement(0.25);
        steps.setMajorTickUnit(50);
        steps.setShowTickMarks(true);
        steps.setShowTickLabels(true);
        steps.setBlockIncrement(1);
        scale.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.recurrentScaleProperty().set(Math.round(v.doubleValue() * 100) / 100.0);
        });
        bias.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.keepBiasProperty().set(Math.round(v.doubleValue() * 4) / 4.0);
        });
        steps.valueProperty().addListener((o, a, v) -> {
            if (!settingSliders) vm.stepsProperty().set(Math.max(STEPS_MIN, (int) Math.round(v.doubleValue())));
        });
        scale.setTooltip(new Tooltip("Multiply the recurrent weights W_hh (1 = as trained)"));
        bias.setTooltip(new Tooltip("Set the bias of the gate that keeps the memory (LSTM forget gate, GRU update gate)"));
        steps.setTooltip(new Tooltip("How many steps the input runs (it repeats to fill them)"));
        Label scaleHint = hint("← smaller: the gradient vanishes        larger: it explodes →");
        Label stepsHint = hint("longer: more steps back for the gradient to fade or grow (the input repeats)");
        biasHint.getStyleClass().add("hint");

        GridPane g = this;
        g.setHgap(12);
        g.setVgap(2);
        g.setPadding(new Insets(6, 10, 10, 10));
        ColumnConstraints c0 = new ColumnConstraints(290);
        ColumnConstraints c1 = new ColumnConstraints(200, 420, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHgrow(Priority.SOMETIMES);
        g.getColumnConstraints().addAll(c0, c1, c2);
        g.addRow(0, scaleLabel, scale, scaleHint);
        g.addRow(1, biasLabel, bias, biasHint);
        g.addRow(2, stepsLabel, steps, stepsHint);
        for (Label l : List.of(scaleLabel, biasLabel, stepsLabel)) {
            l.getStyleClass().add("slider-label");
            l.setWrapText(true); // "Forget-gate bias b_f: as trained (mean 1.20)" is wider than the column
        }
        for (int i = 0; i < 3; i++) g.getRowConstraints().add(new RowConstraints(44));
        for (Observable o : List.<Observable>of(vm.modelProperty(), vm.inputProperty(), vm.recurrentScaleProperty(),
                vm.keepBiasProperty(), vm.stepsProperty()))
            o.addListener(x -> sync());
        sync();
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    /** Puts the sliders and their labels where the view model is (without feeding the change back). */
    void sync() {
        settingSliders = true;
        try {
            double s = vm.recurrentScaleProperty().get();
            scale.setValue(s);
            scaleLabel.setText(String.format(Locale.ROOT, "Recurrent weights  W_hh × %.2f", s));
            RnnModel m = vm.modelProperty().get();
            CellType cell = m == null ? CellType.RNN : m.cell();
            boolean gated = cell != CellType.RNN || vm.compareProperty().get();
            bias.setDisable(!gated);
            double b = vm.keepBiasProperty().get();
            String gate = cell == CellType.GRU ? "Update-gate bias b_z" : "Forget-gate bias b_f";
            if (!gated) {
                biasLabel.setText("Forget-gate bias: no gate");
                biasHint.setText("a vanilla RNN has no gate (Compare shows the gated cells)");
            } else {
                double trained = vm.trainedKeepBias();
                if (Double.isNaN(b)) {
                    bias.setValue(Double.isNaN(trained) ? 1.0 : Math.max(BIAS_MIN, Math.min(BIAS_MAX, trained)));
                    biasLabel.setText(Double.isNaN(trained) ? gate + " = 1.00 (peers)"
                            : String.format(Locale.ROOT, "%s: as trained (mean %.2f)", gate, trained));
                } else {
                    bias.setValue(b);
                    biasLabel.setText(String.format(Locale.ROOT, "%s = %.2f", gate, b));
                }
                biasHint.setText(cell == CellType.GRU && !vm.compareProperty().get()
                        ? "← low: z ≈ 0, h is rewritten, the gradient vanishes        high: z ≈ 1 copies h forward →"
                        : "← low: f ≈ 0 forgets, the gradient vanishes        high: f ≈ 1 keeps the cell state →");
            }
            int t = vm.stepsProperty().get() == 0 ? vm.inputSteps() : vm.stepsProperty().get();
            steps.setValue(t);
            stepsLabel.setText("Sequence length  T = " + t + (vm.stepsProperty().get() == 0 ? " (the input)" : ""));
        } finally {
            settingSliders = false;
        }
    }
}
