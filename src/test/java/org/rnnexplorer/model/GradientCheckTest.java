package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;

/**
 * The backward pass against central differences of the forward pass, {@code (L(θ+ε) − L(θ−ε)) / 2ε}, on random
 * stacked models: every parameter entry of a small model (a seeded sample of 250 for a bigger one), every entry of
 * the numeric input x_t, and the initial state h_{−1} (and c_{−1}). An entry passes when
 * {@code |analytic − numeric| ≤ 1e-6 · max(|analytic|, |numeric|, 1e-2)}: relative error below 1e-6, with a floor
 * of 1e-2 in the scale so that a gradient near zero is held to 1e-8 absolute. ε = 1e-5 balances the truncation
 * error (ε² times the third derivative over 6, about 1e-10 here) against rounding (about 1e-16·|L|/ε); the largest
 * absolute difference seen on these models is about 1e-9 (with ε = 1e-6 it is about 4e-9, rounding dominating).
 */
class GradientCheckTest {
    static final double EPS = 1e-5;
    static final double TOL = 1e-6;
    static final double FLOOR = 1e-2;
    static final int MAX_ENTRIES = 250;

    enum InputKind { EMBEDDED_TOKENS, NUMERIC }

    enum ObjectiveKind { CROSS_ENTROPY_EVERY_STEP, CROSS_ENTROPY_LAST_STEP, DOT, SQUARED_ERROR }

    /** Every cell, depth 1 to 4, both kinds of input and every objective. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void gradientsMatchCentralDifferences(@ForAll CellType cell, @ForAll @IntRange(min = 1, max = 4) int layers,
                                          @ForAll InputKind inputKind, @ForAll ObjectiveKind objectiveKind) {
        Random r = new Random(31L * cell.ordinal() + 7L * layers + 1000L * inputKind.ordinal()
                + 100000L * objectiveKind.ordinal());
        Case c = Case.random(cell, layers, inputKind, objectiveKind, r);
        c.check(List.of(), r);
    }

    /** With clamped gates, h or c and ablated units: the gradient of the clamped forward pass. */
    @Property(tries = 60, seed = "20261126")
    void gradientsOfTheClampedForwardPassMatchCentralDifferences(
            @ForAll CellType cell, @ForAll @IntRange(min = 1, max = 4) int layers, @ForAll InputKind inputKind,
            @ForAll ObjectiveKind objectiveKind, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random r = new Random(seed);
        Case c = Case.random(cell, layers, inputKind, objectiveKind, r);
        List<Intervention> ivs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) ivs.add(randomIntervention(c, r));
        c.check(ivs, r);
    }

    static Intervention randomIntervention(Case c, Random r) {
        int layer = r.nextInt(c.model.layerCount());
        int unit = r.nextInt(c.model.hiddenSize());
        int from = r.nextInt(c.steps), to = from + r.nextInt(c.steps - from);
        CellType cell = c.model.cell();
        int kind = r.nextInt(cell.hasCellState() ? 4 : 3);
        return switch (kind) {
            case 0 -> {
                int gate = r.nextInt(cell.blocks());
                double v = cell.isTanhBlock(gate) ? 2 * r.nextDouble() - 1 : r.nextDouble();
                yield Intervention.clampGate(layer, gate, unit, from, to, v);
            }
            case 1 -> Intervention.clampHidden(layer, unit, from, to, 2 * r.nextDouble() - 1);
            case 2 -> Intervention.ablate(layer, unit);
            default -> Intervention.clampCell(layer, unit, from, to, 2 * r.nextDouble() - 1);
        };
    }

    /** A random model, input and objective, and the machinery to compare gradients. */
    static final class Case {
        final RnnModel model;
        final InputBatch input;
        final double[][][] vectors; // the numeric input (live: the input batch reads it on every pass), or null
        final Objective objective;
        final int batch;
        final int steps;
        final String label;

        Case(RnnModel model, InputBatch input, double[][][] vectors, Objective objective, int batch, int steps,
             String label) {
            this.model = model;
            this.input = input;
            this.vectors = vectors;
            this.objective = objective;
            this.batch = batch;
            this.steps = steps;
            this.label = label;
        }

        static Case random(CellType cell, int layers, InputKind inputKind, ObjectiveKind objectiveKind, Random r) {
            int in = 1 + r.nextInt(4), hidden = 1 + r.nextInt(5), steps = 1 + r.nextInt(6), batch = 1 + r.nextInt(2);
            if (objectiveKind == ObjectiveKind.CROSS_ENTROPY_LAST_STEP) steps = Math.max(steps, 2);
            int outputs = 2 + r.nextInt(4);
            boolean tokens = inputKind == InputKind.EMBEDDED_TOKENS;
            boolean head = objectiveKind != ObjectiveKind.DOT || r.nextBoolean();
            RnnModel model = RandomModels.model(cell, in, hidden, layers, tokens ? outputs : 0, head, outputs, 0.9, r);
            int[][] toks = tokens ? RandomModels.tokens(batch, steps, outputs, r) : null;
            double[][][] x = tokens ? null : RandomModels.vectors(batch, steps, in, r);
            InputBatch input = tokens ? InputBatch.ofTokenBatch(toks) : InputBatch.ofVectorBatch(x);
            Objective objective = switch (objectiveKind) {
                case DOT -> {
                    double[] v = new double[hidden];
                    for (int u = 0; u < hidden; u++) v[u] = r.nextGaussian();
                    yield new DotObjective(v);
                }
                case CROSS_ENTROPY_EVERY_STEP -> tokens && batch == 1
                        ? CrossEntropyObjective.nextTokenEveryStep(toks[0])
                        : new CrossEntropyObjective(randomTargets(batch, steps, outputs, false, r), "every step");
                case CROSS_ENTROPY_LAST_STEP -> tokens && batch == 1
                        ? CrossEntropyObjective.nextTokenLastStep(toks[0])
                        : new CrossEntropyObjective(randomTargets(batch, steps, outputs, true, r), "last step");
                case SQUARED_ERROR -> {
                    double[][][] y = new double[batch][steps][];
                    for (double[][] seq : y)
                        for (int t = 0; t < steps; t++)
                            if (t == steps - 1 || r.nextBoolean()) {
                                seq[t] = new double[outputs];
                                for (int k = 0; k < outputs; k++) seq[t][k] = r.nextGaussian();
                            }
                    yield new SquaredErrorObjective(y);
                }
            };
            String label = cell.id() + " layers=" + layers + " D=" + in + " H=" + hidden + " T=" + steps + " B=" + batch
                    + " " + inputKind + " " + objectiveKind + (head ? " head" : "");
            return new Case(model, input, x, objective, batch, steps, label);
        }

        static int[][] randomTargets(int batch, int steps, int outputs, boolean lastOnly, Random r) {
            int[][] t = new int[batch][steps];
            for (int[] row : t)
                for (int i = 0; i < steps; i++)
                    row[i] = lastOnly && i < steps - 1 ? -1 : r.nextInt(outputs);
            return t;
        }

        void check(List<Intervention> ivs, Random r) {
            Trace trace = new Trace(model, batch, steps);
            for (int l = 0; l < model.layerCount(); l++) {
                RandomModels.fill(trace.layer(l).h0, 0.5, r);
                if (model.cell().hasCellState()) RandomModels.fill(trace.layer(l).c0, 0.5, r);
            }
            ForwardPass.run(model, input, ivs, trace);
            Gradients g = BackwardPass.run(model, trace, objective, ivs);
            Loss loss = new Loss(trace, ivs);
            assertTrue(Math.abs(loss.value() - g.loss()) < 1e-12, "the backward pass reports the forward loss");

            List<Entry> entries = new ArrayList<>();
            for (var e : model.namedParameters().entrySet())
                for (int i = 0; i < e.getValue().data.length; i++)
                    entries.add(new Entry(e.getKey(), e.getValue().data, i, g.parameter(e.getKey()).data[i]));
            while (entries.size() > MAX_ENTRIES) entries.remove(r.nextInt(entries.size()));
            if (vectors != null)
                for (int b = 0; b < batch; b++)
                    for (int t = 0; t < steps; t++)
                        for (int j = 0; j < model.inputSize(); j++)
                            entries.add(new Entry("x[" + b + "][" + t + "]", vectors[b][t], j,
                                    g.layer(0).dX[t].get(b, j)));
            for (int l = 0; l < model.layerCount(); l++) {
                for (int i = 0; i < trace.layer(l).h0.data.length; i++)
                    entries.add(new Entry("h0 layer " + l, trace.layer(l).h0.data, i, g.layer(l).dH0.data[i]));
                if (model.cell().hasCellState())
                    for (int i = 0; i < trace.layer(l).c0.data.length; i++)
                        entries.add(new Entry("c0 layer " + l, trace.layer(l).c0.data, i, g.layer(l).dC0.data[i]));
            }
            for (Entry e : entries) {
                double keep = e.array[e.index];
                e.array[e.index] = keep + EPS;
                double plus = loss.value();
                e.array[e.index] = keep - EPS;
                double minus = loss.value();
                e.array[e.index] = keep;
                double numeric = (plus - minus) / (2 * EPS);
                double scale = Math.max(FLOOR, Math.max(Math.abs(numeric), Math.abs(e.analytic)));
                double err = Math.abs(numeric - e.analytic) / scale;
                assertTrue(err < TOL, () -> label + " " + ivs + ": d" + e.name + "[" + e.index + "] analytic "
                        + e.analytic + ", numeric " + numeric + ", relative error " + err);
            }
        }

        /** L as a function of whatever the entries point into, by a fresh forward pass into one trace. */
        final class Loss {
            final Trace trace;
            final List<Intervention> ivs;
            final DMatrixRMaj[] dh;
            final DMatrixRMaj[] dy;

            Loss(Trace trace, List<Intervention> ivs) {
                this.trace = trace;
                this.ivs = ivs;
                dh = LayerTrace.alloc(steps, batch, model.hiddenSize());
                dy = model.hasHead() ? LayerTrace.alloc(steps, batch, model.outputSize()) : null;
            }

            double value() {
                ForwardPass.run(model, input, ivs, trace);
                return objective.seed(trace, dh, dy);
            }
        }
    }

    record Entry(String name, double[] array, int index, double analytic) {
    }
}
