package org.rnnexplorer.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The cell's equations as on the slides, each followed by the same line with the selected unit's numbers at the
 * current step.
 */
public final class EquationsPanel extends VBox {
    private final Label heading = new Label();
    private final VBox lines = new VBox(6);
    private final Label note = new Label();
    private ExplorerViewModel vm;

    public EquationsPanel() {
        getStyleClass().add("equations");
        heading.getStyleClass().add("equations-heading");
        note.getStyleClass().add("equations-note");
        note.setWrapText(true);
        setSpacing(8);
        getChildren().addAll(heading, lines, note);
    }

    public void bind(ExplorerViewModel model) {
        vm = model;
        vm.equations().addListener((ListChangeListener<EquationLine>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        lines.getChildren().clear();
        TraceResult r = vm.result();
        if (r == null || r.steps() == 0) {
            heading.setText("Equations");
            note.setText("");
            return;
        }
        int t = Math.min(vm.stepProperty().get(), r.steps() - 1);
        heading.setText("Unit " + vm.unitProperty().get() + " at step " + (t + 1) + " ('"
                + TokenLabels.visible(r.input().tokens().get(t)) + "')"
                + (r.model().layerCount() > 1 ? ", layer " + (vm.layerProperty().get() + 1) : ""));
        int i = 0;
        for (EquationLine e : vm.equations()) {
            Label name = new Label(e.name());
            name.getStyleClass().add("equation-name");
            Label formula = new Label(e.formula());
            formula.getStyleClass().add("equation-formula");
            Label numbers = new Label(e.numbers());
            numbers.getStyleClass().add("equation-numbers");
            numbers.setId("equation-numbers-" + i);
            formula.setId("equation-formula-" + i);
            VBox box = new VBox(1, name, formula, numbers);
            box.getStyleClass().add("equation");
            lines.getChildren().add(box);
            i++;
        }
        note.setText(EquationSheet.note(r.model().cell()));
    }
}
