package org.rnnexplorer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.CrossEntropyObjective;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.PyTorchInit;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/**
 * One training step exactly as the trainer takes it, on fixed data, for timing against PyTorch: forward of B token
 * sequences, mean cross-entropy at every step, full BPTT, Adam update of every parameter.
 */
public final class TrainBench {
    private final RnnModel model;
    private final InputBatch input;
    private final CrossEntropyObjective objective;
    private final Trace trace;
    private final Gradients gradients;
    private final Map<String, DMatrixRMaj> params;
    private final Adam adam = new Adam(1e-3);

    public TrainBench(RnnModel model, int[][] tokens, int[][] targets) {
        this.model = model;
        this.input = InputBatch.ofTokenBatch(tokens);
        this.objective = new CrossEntropyObjective(targets, "mean cross-entropy at every step");
        this.trace = new Trace(model, tokens.length, tokens[0].length);
        this.gradients = new Gradients(model, tokens.length, tokens[0].length);
        this.params = model.namedParameters();
    }

    public double step() {
        ForwardPass.run(model, input, List.of(), trace);
        BackwardPass.run(model, trace, objective, List.of(), gradients);
        adam.step(params, gradients.parameters());
        return gradients.loss();
    }

    /** The peer's model: embedding [V][E] N(0,1), one cell with PyTorch's U(±1/√H) weights, readout U(±1/√H). */
    public static RnnModel model(CellType cell, int vocab, int emb, int hidden, Random r) {
        double k = PyTorchInit.bound(hidden);
        List<LayerWeights> ls = new ArrayList<>();
        ls.add(PyTorchInit.layer(cell, emb, hidden, r));
        DMatrixRMaj e = new DMatrixRMaj(vocab, emb);
        for (int i = 0; i < e.data.length; i++) e.data[i] = r.nextGaussian();
        DMatrixRMaj hw = new DMatrixRMaj(vocab, hidden), hb = new DMatrixRMaj(1, vocab);
        PyTorchInit.uniform(hw, k, r);
        PyTorchInit.uniform(hb, k, r);
        return new RnnModel(cell, emb, hidden, ls, e, hw, hb, null, null, null);
    }
}
