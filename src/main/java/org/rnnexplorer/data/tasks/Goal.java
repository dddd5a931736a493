package org.rnnexplorer.data.tasks;

/**
 * When a task counts as solved, from one number: accuracy at least {@code threshold}, or (regression tasks) the mean
 * squared error below it. {@link #toString()} gives the goal in words, e.g. "accuracy >= 0.95".
 */
public record Goal(boolean byAccuracy, double threshold) {

    public static Goal accuracyAtLeast(double threshold) {
        return new Goal(true, threshold);
    }

    public static Goal meanSquaredErrorBelow(double threshold) {
        return new Goal(false, threshold);
    }

    /** Whether a model with this loss and accuracy (NaN when the task has none) reaches the goal. */
    public boolean reached(double loss, double accuracy) {
        return byAccuracy ? accuracy >= threshold : loss < threshold;
    }

    @Override
    public String toString() {
        return (byAccuracy ? "accuracy >= " : "mean squared error < ") + threshold;
    }
}
