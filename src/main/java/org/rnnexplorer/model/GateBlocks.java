package org.rnnexplorer.model;

/**
 * Where each gate sits among the G row blocks of {@code weight_ih} / {@code weight_hh} and the G·H columns of a
 * step's pre-activations and activations ({@link LayerTrace#act}): block g of unit u is column {@code g·H + u}. The
 * order is PyTorch's, the one {@link CellType#gateNames()} lists.
 */
public final class GateBlocks {
    /** LSTM blocks i, f, g, o. */
    public static final int LSTM_INPUT = 0;
    public static final int LSTM_FORGET = 1;
    public static final int LSTM_CANDIDATE = 2;
    public static final int LSTM_OUTPUT = 3;
    /** GRU blocks r, z, n. */
    public static final int GRU_RESET = 0;
    public static final int GRU_UPDATE = 1;
    public static final int GRU_CANDIDATE = 2;
    /** The vanilla cell's one block, h itself before any clamp. */
    public static final int RNN_HIDDEN = 0;

    private GateBlocks() {
    }
}
