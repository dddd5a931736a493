package org.rnnexplorer.train;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.data.tasks.Task;
import org.rnnexplorer.data.tasks.TaskBatch;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.RnnModel;

/**
 * Trains a model on a task: draw a batch, forward, backpropagate through time (whole, or in chunks of
 * {@code truncate} steps with the state carried across), clip the global gradient norm, update (Adam or SGD).
 *
 * <p>The model given is never changed: training works on a copy, and the result holds the model after the last
 * complete update. {@link #cancel()} (from any thread) stops before the next batch. A loss or gradient that is NaN
 * or infinite, or a loss that stays far above where it started (more than 10 × the first loss + 1 for three updates),
 * ends the run as {@code DIVERGED} with the model rolled back to the last update whose loss was sane.
 *
 * <p>Everything random comes from the configuration's seed and the work is single-threaded, so a run repeats bit for
 * bit.
 */
public final class Trainer {
    /** Held-out sequences for evaluation. */
    public static final int EVAL_SEQUENCES = 512;
    private static final int PATIENCE = 3;

    private final Task task;
    private final TrainingConfig config;
    private volatile boolean cancelled;
    private volatile RnnModel working;
    private Turns turns = Turns.ALWAYS;

    /** When the trainer may compute its next batch: a race shares the cores through it; alone, at once. */
    interface Turns {
        Turns ALWAYS = new Turns() {
            @Override
            public void begin() {}

            @Override
            public void between(int batchesDone, int batches) {}

            @Override
            public void end() {}
        };

        /** Before the first batch; may wait. */
        void begin();

        /** After each batch; may wait for the next turn. */
        void between(int batchesDone, int batches);

        /** After the last batch, also when the run fails. */
        void end();
    }

    public Trainer(Task task, TrainingConfig config) {
        this.task = task;
        this.config = config;
    }

    /** Stops the run before its next batch; the result keeps the model of the last complete update. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * A copy of the model as it is after the last update, for a listener that wants to show it while training goes
     * on. Call it from the listener (on the training thread); elsewhere the copy may catch an update half done.
     */
    public RnnModel snapshot() {
        RnnModel m = working;
        if (m == null) throw new IllegalStateException("the trainer is not running");
        return m.copy();
    }

    /** Takes its turns with the other runs of a race (before {@link #train}). */
    void takeTurns(Turns turns) {
        this.turns = turns;
    }

    public TrainingResult train(RnnModel start, TrainingListener listener) {
        turns.begin();
        try {
            return trainInTurns(start, listener);
        } finally {
            turns.end();
        }
    }

    private TrainingResult trainInTurns(RnnModel start, TrainingListener listener) {
        long t0 = System.nanoTime();
        RnnModel model = start.copy();
        working = model;
        RnnModel good = start.copy();
        Map<String, DMatrixRMaj> params = model.namedParameters(), goodParams = good.namedParameters();
        Optimizer optimizer = Optimizer.named(config.optimizer(), config.learningRate());
        Random data = new Random(config.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        Evaluator evaluator = new Evaluator(task, EVAL_SEQUENCES, config.seed() + 0x5DEECE66DL);
        TrainingStep step = new TrainingStep(model, config.batch());
        Score window = new Score();
        double firstLoss = Double.NaN, lastNorm = 0;
        int badRun = 0;
        long tokens = 0;
        int done = 0;
        TrainingResult.Status status = TrainingResult.Status.COMPLETED;
        String message = null;

        outer:
        for (int s = 1; s <= config.steps(); s++) {
            if (cancelled) {
                status = TrainingResult.Status.CANCELLED;
                break;
            }
            TaskBatch batch = task.sample(data, config.batch());
            int steps = batch.steps(), chunk = config.truncate() > 0 ? config.truncate() : steps;
            step.resetState();
            for (int from = 0; from < steps; from += chunk) {
                TaskBatch part = batch.slice(from, Math.min(steps, from + chunk));
                Gradients g = step.forwardBackward(part);
                double loss = g.loss();
                double norm = GradientClipping.globalNorm(g.parameters());
                boolean scored = part.scoredCount() > 0; // a chunk with no targets has loss 0 and says nothing
                if (scored && Double.isNaN(firstLoss) && Double.isFinite(loss)) firstLoss = loss;
                boolean finite = Double.isFinite(loss) && Double.isFinite(norm);
                boolean high = finite && scored && loss > 10 * firstLoss + 1;
                if (scored) badRun = high ? badRun + 1 : 0;
                if (!finite || badRun >= PATIENCE) {
                    copyInto(goodParams, params);
                    status = TrainingResult.Status.DIVERGED;
                    message = String.format(Locale.ROOT, "training diverged at step %d (%s); the model is rolled back "
                                    + "to the last sane update: lower the learning rate (now %s) or clip harder",
                            s, !finite ? (Double.isFinite(loss) ? "the gradient is not finite" : "the loss is " + loss)
                                    : String.format(Locale.ROOT, "loss %.4g, it started at %.4g", loss, firstLoss),
                            fmt(config.learningRate()));
                    break outer;
                }
                if (!high) copyInto(params, goodParams);
                window.add(step.trace(), part, task.tolerance());
                GradientClipping.clip(g.parameters(), norm, config.clip());
                optimizer.step(params, g.parameters());
                lastNorm = norm;
                tokens += (long) part.batch() * part.steps();
            }
            done = s;
            turns.between(s, config.steps());
            boolean last = s == config.steps();
            boolean evaluate = config.evalEvery() > 0 && s % config.evalEvery() == 0;
            if (s % config.reportEvery() == 0 || last || cancelled) {
                double secs = (System.nanoTime() - t0) / 1e9;
                listener.onProgress(new ProgressEvent(s, config.steps(), window.loss(), window.accuracy(), lastNorm,
                        tokens / Math.max(secs, 1e-9), secs));
                window.clear();
            }
            if (evaluate && config.stopWhenSolved() && !last) {
                Score e = evaluator.evaluate(model);
                if (task.solved(e.loss(), accuracyOf(e))) {
                    status = TrainingResult.Status.SOLVED;
                    break;
                }
            }
        }
        if (status != TrainingResult.Status.DIVERGED && !allFinite(params)) {
            copyInto(goodParams, params);
            status = TrainingResult.Status.DIVERGED;
            message = "training diverged at the last update (a weight is not finite); the model is rolled back: lower "
                    + "the learning rate (now " + fmt(config.learningRate()) + ")";
        }
        working = null;
        Score e = evaluator.evaluate(model);
        double acc = accuracyOf(e);
        if (status == TrainingResult.Status.COMPLETED && task.solved(e.loss(), acc)) status = TrainingResult.Status.SOLVED;
        return new TrainingResult(status, model, done, e.loss(), acc, (System.nanoTime() - t0) / 1e9, message);
    }

    private double accuracyOf(Score s) {
        return task.shape().regression() && Double.isNaN(task.tolerance()) ? Double.NaN : s.accuracy();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static void copyInto(Map<String, DMatrixRMaj> from, Map<String, DMatrixRMaj> to) {
        for (Map.Entry<String, DMatrixRMaj> e : from.entrySet()) to.get(e.getKey()).setTo(e.getValue());
    }

    private static boolean allFinite(Map<String, DMatrixRMaj> params) {
        for (DMatrixRMaj m : params.values()) for (double v : m.data) if (!Double.isFinite(v)) return false;
        return true;
    }
}
