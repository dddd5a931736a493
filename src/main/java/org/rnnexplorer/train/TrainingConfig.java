package org.rnnexplorer.train;

/**
 * How to train: every setting of a run. {@code truncate} = 0 is full backpropagation through time; k > 0 cuts each
 * sequence into chunks of k steps, carries the state from chunk to chunk, and updates after each chunk.
 *
 * @param steps the number of batches to train on
 * @param batch sequences per batch
 * @param optimizer "adam", "sgd" or "momentum"
 * @param learningRate the optimizer's step size
 * @param clip the largest global gradient norm (≤ 0: no clipping)
 * @param truncate chunk length for truncated BPTT (0: full BPTT)
 * @param seed seeds the initial weights and the batches: the same seed gives the same run, bit for bit
 * @param forgetBias the initial bias of the LSTM forget gate and the GRU update gate
 * @param evalEvery evaluate on held-out sequences every this many steps (0: only at the end)
 * @param stopWhenSolved stop at an evaluation that reaches the task's goal
 * @param reportEvery send a progress event every this many steps (and at the last)
 */
public record TrainingConfig(int steps, int batch, String optimizer, double learningRate, double clip, int truncate,
                             long seed, double forgetBias, int evalEvery, boolean stopWhenSolved, int reportEvery) {

    public TrainingConfig {
        if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        if (Double.isNaN(clip) || Double.isInfinite(clip)) throw new IllegalArgumentException("--clip must be a number");
        if (truncate < 0) throw new IllegalArgumentException("--truncate must not be negative, got " + truncate);
        if (evalEvery < 0) throw new IllegalArgumentException("--eval-every must not be negative, got " + evalEvery);
        if (reportEvery < 1) reportEvery = 1;
        Optimizer.named(optimizer, learningRate); // rejects an unknown name
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(500, 32, "adam", 0.01, 1.0, 0, 1, 1.0, 0, false, 10);
    }

    public TrainingConfig withSteps(int s) {
        return new TrainingConfig(s, batch, optimizer, learningRate, clip, truncate, seed, forgetBias, evalEvery,
                stopWhenSolved, reportEvery);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(steps, batch, optimizer, learningRate, clip, truncate, s, forgetBias, evalEvery,
                stopWhenSolved, reportEvery);
    }

    public TrainingConfig withOptimizer(String name, double lr) {
        return new TrainingConfig(steps, batch, name, lr, clip, truncate, seed, forgetBias, evalEvery, stopWhenSolved,
                reportEvery);
    }

    public TrainingConfig withClip(double c) {
        return new TrainingConfig(steps, batch, optimizer, learningRate, c, truncate, seed, forgetBias, evalEvery,
                stopWhenSolved, reportEvery);
    }

    public TrainingConfig withBatch(int b) {
        return new TrainingConfig(steps, b, optimizer, learningRate, clip, truncate, seed, forgetBias, evalEvery,
                stopWhenSolved, reportEvery);
    }

    public TrainingConfig withTruncate(int k) {
        return new TrainingConfig(steps, batch, optimizer, learningRate, clip, k, seed, forgetBias, evalEvery,
                stopWhenSolved, reportEvery);
    }

    public TrainingConfig withEvaluation(int every, boolean stop) {
        return new TrainingConfig(steps, batch, optimizer, learningRate, clip, truncate, seed, forgetBias, every, stop,
                reportEvery);
    }

    public TrainingConfig withReportEvery(int every) {
        return new TrainingConfig(steps, batch, optimizer, learningRate, clip, truncate, seed, forgetBias, evalEvery,
                stopWhenSolved, every);
    }
}
