package org.rnnexplorer.train;

/**
 * What the trainer reports as it goes.
 *
 * @param step batches done so far (1-based)
 * @param totalSteps batches planned
 * @param loss the mean loss over the batches since the previous event
 * @param accuracy the accuracy over the same batches (NaN when the task has none)
 * @param gradientNorm the global gradient norm of the last update, before clipping
 * @param tokensPerSecond sequence steps processed per second since the start (forward, backward and update)
 * @param seconds time since the start
 */
public record ProgressEvent(int step, int totalSteps, double loss, double accuracy, double gradientNorm,
                            double tokensPerSecond, double seconds) {
}
