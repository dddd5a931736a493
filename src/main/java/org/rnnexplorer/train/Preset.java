package org.rnnexplorer.train;

import java.util.Map;

/**
 * Settings known to reach a task's goal on a small 2-core machine (each measured; see the README's Training section).
 * Options given on the command line override them.
 *
 * @param hidden H
 * @param learningRate Adam's step size
 * @param steps batches
 * @param batch sequences per batch
 * @param forgetBias the initial LSTM forget / GRU update gate bias
 */
public record Preset(int hidden, double learningRate, int steps, int batch, double forgetBias) {

    private static final Map<String, Preset> BY_TASK = Map.of(
            "recall", new Preset(32, 0.01, 1000, 32, 3.0),
            "adding", new Preset(32, 0.01, 1500, 32, 1.0),
            "counting", new Preset(16, 0.01, 800, 32, 1.0),
            "sine", new Preset(32, 0.01, 1000, 32, 1.0),
            "brackets", new Preset(32, 0.01, 1500, 32, 1.0),
            "text", new Preset(64, 0.005, 2000, 32, 1.0));

    /** The preset's training settings: Adam, global-norm clipping at 1, full BPTT. */
    public TrainingConfig config(long seed) {
        return new TrainingConfig(steps, batch, "adam", learningRate, 1.0, 0, seed, forgetBias, 0, false, 10);
    }

    /** The preset for a task; every cell gets the same settings, so a comparison between cells is fair. */
    public static Preset of(String task) {
        Preset p = BY_TASK.get(task);
        if (p == null) throw new IllegalArgumentException("no preset for task '" + task + "'");
        return p;
    }
}
