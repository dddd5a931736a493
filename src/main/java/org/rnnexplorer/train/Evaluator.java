package org.rnnexplorer.train;

import java.util.Random;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.model.RnnModel;

/**
 * Measures a model on held-out sequences: a fixed set drawn from its own seed (not the training batches), forward
 * only, from zero state, each sequence whole.
 */
public final class Evaluator {
    /** Sequences per forward pass of the held-out check (each one whole, never truncated). */
    public static final int BATCH = 64;
    private final Task task;
    private final TaskBatch[] batches;
    private RnnModel cachedModel;
    private TrainingStep cachedStep;

    /** Draws {@code sequences} held-out sequences (rounded up to a multiple of 64) from {@code seed}. */
    public Evaluator(Task task, int sequences, long seed) {
        this.task = task;
        Random r = new Random(seed);
        int n = Math.max(1, (sequences + BATCH - 1) / BATCH);
        batches = new TaskBatch[n];
        for (int i = 0; i < n; i++) batches[i] = task.sample(r, BATCH);
    }

    public Score evaluate(RnnModel model) {
        if (model != cachedModel) {
            cachedModel = model;
            cachedStep = new TrainingStep(model, BATCH);
        }
        Score s = new Score();
        for (TaskBatch b : batches) {
            cachedStep.resetState();
            s.add(cachedStep.forward(b), b, task.tolerance());
        }
        return s;
    }
}
