package org.rnnexplorer.ui.training;

import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * The weights of a training run that are in no file yet, as the recovery file keeps them: a copy taken on the
 * training thread after a complete update (or the finished run's model).
 *
 * @param model      the weights after {@code step} batches
 * @param step       batches done
 * @param totalSteps batches planned
 * @param task       the task's label in the list
 * @param cell       the cell trained
 */
public record TrainingSnapshot(RnnModel model, int step, int totalSteps, String task, CellType cell) {
}
