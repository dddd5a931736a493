package org.rnnexplorer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnnexplorer.data.tasks.RecallTask;
import org.rnnexplorer.model.CellType;

/**
 * "Largest delay solved" per cell: the recall preset, with the same seed and settings for every cell, trained at each
 * delay (stopping early once a held-out check reaches accuracy 0.95), then measured on held-out sequences.
 */
public final class RecallSweep {

    /** One run of the sweep. */
    public record Point(CellType cell, int delay, double accuracy, double loss, int steps, double seconds) {
        public boolean solved() {
            return accuracy >= 0.95;
        }
    }

    private final int fillers;
    private final long seed;

    public RecallSweep(int fillers, long seed) {
        this.fillers = fillers;
        this.seed = seed;
    }

    public Point run(CellType cell, int delay) {
        PresetTraining run = PresetTraining.of(new RecallTask(delay, fillers), cell, seed).untilSolved(50);
        TrainingResult r = run.trainer().train(run.start(), TrainingListener.NONE);
        if (r.status() == TrainingResult.Status.DIVERGED) return new Point(cell, delay, Double.NaN, Double.NaN, r.steps(), r.seconds());
        return new Point(cell, delay, r.accuracy(), r.loss(), r.steps(), r.seconds());
    }

    /** Every cell at every delay, in that order; {@code each} hears of each point as it is done. */
    public List<Point> run(List<CellType> cells, List<Integer> delays, Consumer<Point> each) {
        List<Point> points = new ArrayList<>();
        for (CellType c : cells) {
            for (int d : delays) {
                Point p = run(c, d);
                points.add(p);
                each.accept(p);
            }
        }
        return points;
    }

    /** The largest delay at which {@code cell} solved the task (0 when it solved none). */
    public static int largestSolved(List<Point> points, CellType cell) {
        int best = 0;
        for (Point p : points) if (p.cell() == cell && p.solved()) best = Math.max(best, p.delay());
        return best;
    }
}
