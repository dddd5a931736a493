package org.rnnexplorer.data.tasks;

import java.util.Random;

/**
 * A training task: draws batches of sequences with their targets, says what a model for it looks like, and when it
 * counts as solved. Drawing is a function of the {@link Random} given, so a seeded run repeats exactly.
 */
public interface Task {

    /** The task's command-line name, e.g. {@code recall}. */
    String name();

    /** One line for people, e.g. "recall the first of 42 tokens (delay 40, 8 symbols)". */
    String describe();

    TaskShape shape();

    /** Draws {@code batch} sequences. */
    TaskBatch sample(Random random, int batch);

    /**
     * For regression tasks: the largest absolute error that still counts as correct when measuring accuracy, or NaN
     * when accuracy means nothing for the task. Classification tasks score accuracy as top-1 and ignore this.
     */
    default double tolerance() {
        return Double.NaN;
    }

    /** When the task counts as solved; its {@code toString()} says so in words, e.g. "accuracy >= 0.95". */
    Goal goal();

    /** Whether a model with this loss and accuracy (NaN when the task has none) reaches the goal. */
    default boolean solved(double loss, double accuracy) {
        return goal().reached(loss, accuracy);
    }
}
