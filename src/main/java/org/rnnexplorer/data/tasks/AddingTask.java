package org.rnnexplorer.data.tasks;

import java.util.Random;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997): two input channels, a value uniform in [0, 1] and a marker;
 * exactly two steps are marked, one in each half of the sequence. After the last step the readout must give the sum
 * of the two marked values. Solved when the mean squared error is below 0.01; always answering 1.0 scores about
 * 0.167 (the variance of a sum of two uniforms). A sequence counts as correct when its error is within 0.04.
 */
public final class AddingTask implements Task {
    private final int length;

    public AddingTask(int length) {
        if (length < 2) throw new IllegalArgumentException("--length must be at least 2, got " + length);
        this.length = length;
    }

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public String describe() {
        return "sum of the two marked values in " + length + " steps";
    }

    @Override
    public TaskShape shape() {
        return TaskShape.numbers(2, 1);
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        double[][][] x = new double[batch][length][2];
        double[][][] y = new double[batch][length][];
        int half = length / 2;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) x[b][t][0] = random.nextDouble();
            int first = random.nextInt(half), second = half + random.nextInt(length - half);
            x[b][first][1] = 1;
            x[b][second][1] = 1;
            y[b][length - 1] = new double[] {x[b][first][0] + x[b][second][0]};
        }
        return TaskBatch.ofVectors(x, y);
    }

    @Override
    public double tolerance() {
        return 0.04;
    }

    @Override
    public Goal goal() {
        return Goal.meanSquaredErrorBelow(0.01);
    }
}
