package org.rnnexplorer.train;

import org.rnnexplorer.model.RnnModel;

/**
 * How a run ended and the model it leaves: after the last complete update ({@code COMPLETED}, {@code SOLVED},
 * {@code CANCELLED}), or rolled back to the last update whose loss was finite and sane ({@code DIVERGED}).
 *
 * @param steps the batches trained on
 * @param loss, accuracy measured on held-out sequences at the end (accuracy NaN when the task has none)
 * @param message for {@code DIVERGED}: what went wrong, in one line
 */
public record TrainingResult(Status status, RnnModel model, int steps, double loss, double accuracy, double seconds,
                             String message) {

    public enum Status { COMPLETED, SOLVED, CANCELLED, DIVERGED }
}
