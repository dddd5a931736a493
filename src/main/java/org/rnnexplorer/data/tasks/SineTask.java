package org.rnnexplorer.data.tasks;

import java.util.Random;

/**
 * Many-to-many regression on a series: the input at step t is a noisy sum of two sines with a random phase per
 * sequence, {@code x_t = (sin(2πt/16 + φ1) + 0.5 sin(2πt/7 + φ2)) / 1.5 + ε_t}, ε ~ N(0, 0.05²); the target at step t
 * is the clean value at t+1. The first {@link #WARM_UP} steps are not scored (the phase is not yet known).
 * Predicting the mean scores about 0.28; solved when the mean squared error is below 0.01.
 */
public final class SineTask implements Task {
    public static final int WARM_UP = 5;
    private static final double NOISE = 0.05;

    private final int length;

    public SineTask(int length) {
        if (length <= WARM_UP) throw new IllegalArgumentException("--length must be more than " + WARM_UP + ", got " + length);
        this.length = length;
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
        return "next value of a noisy sum of two sines, " + length + " steps";
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
                x[b][t][0] = clean(t, p1, p2) + NOISE * random.nextGaussian();
                if (t >= WARM_UP) y[b][t] = new double[] {clean(t + 1, p1, p2)};
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
