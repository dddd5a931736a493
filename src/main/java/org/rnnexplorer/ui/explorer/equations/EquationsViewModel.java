package org.rnnexplorer.ui.explorer.equations;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnexplorer.ui.common.TokenLabels;
import org.rnnexplorer.ui.explorer.trace.Selection;
import org.rnnexplorer.ui.explorer.trace.TraceViewModel;

/**
 * The Equations tab: the cell's equations with the selected unit's numbers at the current step (of the what-if trace
 * when the diagram shows it), a heading saying which unit and step, and a note on how the deck's form maps onto
 * PyTorch's weights.
 */
public final class EquationsViewModel {
    private final ObservableList<EquationLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Equations");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    public EquationsViewModel(TraceViewModel trace) {
        trace.selectionProperty().addListener((o, a, s) -> refresh(s));
    }

    private void refresh(Selection s) {
        if (!s.hasSteps()) {
            heading.set("Equations");
            note.set("");
            lines.clear();
            return;
        }
        heading.set("Unit " + s.unit() + " at step " + (s.step() + 1) + " ('" + TokenLabels.visible(s.token()) + "')"
                + (s.result().model().layerCount() > 1 ? ", layer " + (s.layer() + 1) : ""));
        note.set(EquationSheet.note(s.result().model().cell()));
        lines.setAll(EquationSheet.lines(s.result().model(), s.shown(), s.layer(), s.shownStep(), s.unit(),
                s.shownInterventions()));
    }

    public ObservableList<EquationLine> lines() { return lines; }

    /** "Unit 3 at step 6 ('o')", with the layer of a stacked model. */
    public ReadOnlyStringProperty headingProperty() { return heading.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
}
