package org.rnnexplorer.data.tasks;

import java.util.Random;

/**
 * Regression on a series: a noisy sum of two sines with a random phase per sequence,
 * {@code x_t = (sin(2πt/16 + φ1) + 0.5 sin(2πt/7 + φ2)) / 1.5 + ε_t}, ε ~ N(0, 0.05²); the target at step t is the
 * clean value at t+1. The {@link Mode} says which steps are read and which are scored — the three ways to connect a
 * sequence: many-to-many (read every step, predict the next value at every step after the first {@link #WARM_UP}),
 * many-to-one (read every step, predict only the value after the last), one-to-many (read only a prompt of the first
 * {@link #PROMPT} steps, then inputs are 0 and the model continues the series alone, scored at every step after the
 * prompt). Predicting 0 scores about 0.28; solved when the mean squared error is below 0.01.
 */
public final class SineTask implements Task {

    /** Which steps the model reads and which it is scored on. */
    public enum Mode {
        MANY_TO_MANY("many-to-many"), MANY_TO_ONE("many-to-one"), ONE_TO_MANY("one-to-many");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The mode called {@code many-to-many}, {@code many-to-one} or {@code one-to-many}. */
        public static Mode named(String id) {
            for (Mode m : values()) if (m.id.equals(id)) return m;
            throw new IllegalArgumentException("--mode: unknown mode '" + id + "' (many-to-many, many-to-one or one-to-many)");
        }
    }

    public static final int WARM_UP = 5;
    /**
     * The one-to-many prompt: one period of the slower wave. From 5 noisy values (a third of that period) the LSTM
     * preset got only to 0.09 in its 600 batches (0.013 after 2000); from 16 it reaches the goal within them.
     */
    public static final int PROMPT = 16;
    private static final double NOISE = 0.05;

    private final int length;
    private final Mode mode;

    public SineTask(int length) {
        this(length, Mode.MANY_TO_MANY);
    }

    public SineTask(int length, Mode mode) {
        int least = mode == Mode.ONE_TO_MANY ? PROMPT : WARM_UP;
        if (length <= least) throw new IllegalArgumentException("--length must be more than " + least
                + (mode == Mode.ONE_TO_MANY ? " (the one-to-many prompt)" : "") + ", got " + length);
        this.length = length;
        this.mode = mode;
    }

    static double clean(int t, double p1, double p2) {
        return (Math.sin(2 * Math.PI * t / 16 + p1) + 0.5 * Math.sin(2 * Math.PI * t / 7 + p2)) / 1.5;
    }

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String describe() {
        return "next value of a noisy sum of two sines, " + length + " steps, " + mode.id();
    }

    @Override
    public TaskShape shape() {
        return TaskShape.numbers(1, 1);
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        double[][][] x = new double[batch][length][1];
        double[][][] y = new double[batch][length][];
        for (int b = 0; b < batch; b++) {
            double p1 = 2 * Math.PI * random.nextDouble(), p2 = 2 * Math.PI * random.nextDouble();
            for (int t = 0; t < length; t++) {
                double noisy = clean(t, p1, p2) + NOISE * random.nextGaussian();
                x[b][t][0] = mode == Mode.ONE_TO_MANY && t >= PROMPT ? 0.0 : noisy;
                boolean scored = switch (mode) {
                    case MANY_TO_ONE -> t == length - 1;
                    case ONE_TO_MANY -> t >= PROMPT;
                    case MANY_TO_MANY -> t >= WARM_UP;
                };
                if (scored) y[b][t] = new double[] {clean(t + 1, p1, p2)};
            }
        }
        return TaskBatch.ofVectors(x, y);
    }

    @Override
    public double tolerance() {
        return 0.1;
    }

    @Override
    public Goal goal() {
        return Goal.meanSquaredErrorBelow(0.01);
    }
}
