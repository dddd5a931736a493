package org.rnnexplorer.ui;

import java.util.List;
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
        TraceResult r = vm.result();
        if (r == null || r.steps() == 0) {
            heading.setText("Equations");
            note.setText("");
            lines.getChildren().clear();
            return;
        }
        int t = Math.min(vm.stepProperty().get(), r.steps() - 1);
        heading.setText("Unit " + vm.unitProperty().get() + " at step " + (t + 1) + " ('"
                + TokenLabels.visible(r.input().tokens().get(t)) + "')"
                + (r.model().layerCount() > 1 ? ", layer " + (vm.layerProperty().get() + 1) : ""));
        List<EquationLine> eqs = vm.equations();
        // the same nodes are reused from step to step: only their text changes
        while (lines.getChildren().size() > eqs.size()) lines.getChildren().remove(lines.getChildren().size() - 1);
        while (lines.getChildren().size() < eqs.size()) lines.getChildren().add(box(lines.getChildren().size()));
        for (int i = 0; i < eqs.size(); i++) {
            VBox box = (VBox) lines.getChildren().get(i);
            EquationLine e = eqs.get(i);
            javafx.scene.layout.HBox top = (javafx.scene.layout.HBox) box.getChildren().get(0);
            ((Label) top.getChildren().get(0)).setText(e.formula());
            ((Label) top.getChildren().get(1)).setText(e.name());
            ((Label) box.getChildren().get(1)).setText(e.numbers());
        }
        note.setText(EquationSheet.note(r.model().cell()));
    }

    private static VBox box(int i) {
        Label name = new Label();
        name.getStyleClass().add("equation-name");
        Label formula = new Label();
        formula.getStyleClass().add("equation-formula");
        formula.setId("equation-formula-" + i);
        Label numbers = new Label();
        numbers.getStyleClass().add("equation-numbers");
        numbers.setId("equation-numbers-" + i);
        numbers.setWrapText(true);
        // a wrapped label may otherwise be laid out one line short and end in "= ..." on a narrow or large-type panel
        numbers.setMinHeight(Label.USE_PREF_SIZE);
        formula.setMinHeight(Label.USE_PREF_SIZE);
        name.setMinWidth(Label.USE_PREF_SIZE);
        formula.setWrapText(true);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(10, formula, name);
        top.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox box = new VBox(1, top, numbers);
        box.getStyleClass().add("equation");
        return box;
    }
}
