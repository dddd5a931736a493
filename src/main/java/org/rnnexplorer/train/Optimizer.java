package org.rnnexplorer.train;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** Updates parameters in place from their gradients (matched by name, as in {@code RnnModel.namedParameters()}). */
public interface Optimizer {

    void step(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> gradients);

    /** The learning rate. */
    double learningRate();

    /** A fresh optimizer of the named kind: {@code adam} or {@code sgd} (with momentum 0.9 when {@code momentum}). */
    static Optimizer named(String name, double learningRate) {
        return switch (name) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new Sgd(learningRate, 0.0);
            case "momentum" -> new Sgd(learningRate, 0.9);
            default -> throw new IllegalArgumentException("--optimizer: unknown optimizer '" + name + "' (adam, sgd or momentum)");
        };
    }
}
