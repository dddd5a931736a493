package org.rnnexplorer.ui.explorer.equations;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The cell's equations as on the slides, each followed by the same line with the selected unit's numbers at the
 * current step.
 */
public final class EquationsPanel extends VBox {
    private final Label heading = new Label();
    private final VBox lines = new VBox(6);
    private final Label note = new Label();

    public EquationsPanel() {
        getStyleClass().add("equations");
        heading.getStyleClass().add("equations-heading");
        note.getStyleClass().add("equations-note");
        note.setWrapText(true);
        setSpacing(8);
        getChildren().addAll(heading, lines, note);
    }

    public void bind(EquationsViewModel equations) {
        heading.textProperty().bind(equations.headingProperty());
        note.textProperty().bind(equations.noteProperty());
        equations.lines().addListener((ListChangeListener<EquationLine>) c -> show(equations.lines()));
    }

    /** The same nodes are reused from step to step: only their text changes. */
    private void show(List<EquationLine> eqs) {
        while (lines.getChildren().size() > eqs.size()) lines.getChildren().remove(lines.getChildren().size() - 1);
        while (lines.getChildren().size() < eqs.size()) lines.getChildren().add(box(lines.getChildren().size()));
        for (int i = 0; i < eqs.size(); i++) {
            VBox box = (VBox) lines.getChildren().get(i);
            EquationLine e = eqs.get(i);
            HBox top = (HBox) box.getChildren().get(0);
            ((Label) top.getChildren().get(0)).setText(e.formula());
            ((Label) top.getChildren().get(1)).setText(e.name());
            ((Label) box.getChildren().get(1)).setText(e.numbers());
        }
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
        HBox top = new HBox(10, formula, name);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(1, top, numbers);
        box.getStyleClass().add("equation");
        return box;
    }
}
