package org.rnnexplorer.model;

import java.util.List;
import java.util.Locale;

/**
 * The three recurrent cells, with PyTorch's gate order (the order of the row blocks in {@code weight_ih} and
 * {@code weight_hh}).
 */
public enum CellType {
    /** Vanilla tanh RNN: one block, {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN("rnn", List.of()),
    /** LSTM: blocks input, forget, candidate (g), output. */
    LSTM("lstm", List.of("input", "forget", "candidate", "output")),
    /** GRU ("reset after", as PyTorch and cuDNN): blocks reset, update, candidate (n). */
    GRU("gru", List.of("reset", "update", "candidate"));

    private final String id;
    private final List<String> gateNames;

    CellType(String id, List<String> gateNames) {
        this.id = id;
        this.gateNames = gateNames;
    }

    /** The name used in model and trace files: {@code rnn}, {@code lstm} or {@code gru}. */
    public String id() {
        return id;
    }

    /** Number of row blocks G in the weight matrices (1, 4 or 3). */
    public int blocks() {
        return this == RNN ? 1 : gateNames.size();
    }

    /** Names of the gates as in the trace file; empty for the vanilla cell, whose single block is h itself. */
    public List<String> gateNames() {
        return gateNames;
    }

    /** Whether the gate at {@code index} is squashed by tanh (else by the logistic sigmoid). */
    public boolean isTanhBlock(int index) {
        return switch (this) {
            case RNN -> true;
            case LSTM -> index == 2;
            case GRU -> index == 2;
        };
    }

    /**
     * Whether the gradient at the recurrent pre-activations differs from the input side's, and part of dL/dh_{t−1}
     * bypasses W_hh: the GRU's, where r scales {@code W_hn h + b_hn} and {@code z ⊙ h} carries h straight on.
     */
    public boolean splitsRecurrentGradient() {
        return this == GRU;
    }

    public boolean hasCellState() {
        return this == LSTM;
    }

    /** Parses {@code rnn}, {@code lstm} or {@code gru} (any case); null if it is none of them. */
    public static CellType fromId(String s) {
        if (s == null) return null;
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (CellType c : values()) if (c.id.equals(k)) return c;
        return null;
    }
}
