package org.rnnexplorer.ui.training;

import org.rnnexplorer.model.RnnModel;

/** Published when the user presses "Use this model": the trained model is to be opened in the window. */
public record ModelChosen(RnnModel model) {
}
