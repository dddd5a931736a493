package org.rnnexplorer.model;

import org.ejml.data.DMatrixRMaj;

/**
 * What the backward pass differentiates. An objective reads the trace, returns L, and seeds the gradient: on the
 * top layer's h_t ({@code dTopH}) and, when it uses the readout, on the logits ({@code dLogits}); both arrive zeroed.
 */
public interface Objective {

    double seed(Trace trace, DMatrixRMaj[] dTopH, DMatrixRMaj[] dLogits);

    /** Whether the objective reads the readout (so the model needs a head). */
    boolean usesReadout();

    /** A short description for files and the UI, e.g. {@code dot(v, h[T-1])}. */
    String describe();
}
