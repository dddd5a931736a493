package org.rnnexplorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent model: an optional embedding (or one-hot over the vocabulary, or numeric vectors), one to four stacked
 * cells of one {@link CellType}, and an optional linear readout with softmax over the vocabulary.
 *
 * <p>Parameters carry PyTorch's {@code state_dict} names ({@code embedding.weight}, {@code rnn.weight_ih_l0}, ...,
 * {@code head.weight}, {@code head.bias}) so a model exported from PyTorch loads without reshuffling.
 */
public final class RnnModel {
    public static final int MAX_LAYERS = 4;
    /**
     * Metadata key of a classifier's class names, one per readout output: with it the readout gives the probability of
     * each class (e.g. a name's language), not of the next token, and may have another size than the vocabulary.
     */
    public static final String LABELS = "labels";

    private final CellType cell;
    private final int inputSize;
    private final int hiddenSize;
    private final List<LayerWeights> layers;
    private final DMatrixRMaj embedding; // [V][inputSize] or null
    private final DMatrixRMaj headWeight; // [V][H] or null
    private final DMatrixRMaj headBias; // [1][V] or null
    private final List<String> vocabulary;
    private final String tokenizer; // "char", "word" or null
    private final Map<String, Object> metadata;

    public RnnModel(CellType cell, int inputSize, int hiddenSize, List<LayerWeights> layers, DMatrixRMaj embedding,
                    DMatrixRMaj headWeight, DMatrixRMaj headBias, List<String> vocabulary, String tokenizer,
                    Map<String, Object> metadata) {
        this.cell = cell;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.layers = List.copyOf(layers);
        this.embedding = embedding;
        this.headWeight = headWeight;
        this.headBias = headBias;
        this.vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        this.tokenizer = tokenizer;
        this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
        validate();
    }

    private void validate() {
        int g = cell.blocks();
        if (layers.isEmpty() || layers.size() > MAX_LAYERS)
            throw new IllegalArgumentException("layers must be 1.." + MAX_LAYERS + ", got " + layers.size());
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights w = layers.get(l);
            int in = l == 0 ? inputSize : hiddenSize;
            check(w.wIh, g * hiddenSize, in, "rnn.weight_ih_l" + l);
            check(w.wHh, g * hiddenSize, hiddenSize, "rnn.weight_hh_l" + l);
            check(w.bIh, 1, g * hiddenSize, "rnn.bias_ih_l" + l);
            check(w.bHh, 1, g * hiddenSize, "rnn.bias_hh_l" + l);
        }
        if (embedding != null) {
            if (vocabulary.isEmpty() && embedding.numRows == 0)
                throw new IllegalArgumentException("embedding.weight has no rows");
            check(embedding, vocabulary.isEmpty() ? embedding.numRows : vocabulary.size(), inputSize, "embedding.weight");
        } else if (!vocabulary.isEmpty() && vocabulary.size() != inputSize) {
            throw new IllegalArgumentException("one-hot input needs inputSize = vocabulary size " + vocabulary.size()
                    + ", got " + inputSize);
        }
        if ((headWeight == null) != (headBias == null))
            throw new IllegalArgumentException("head.weight and head.bias must come together");
        List<String> labels = labels();
        if (!labels.isEmpty() && headWeight == null)
            throw new IllegalArgumentException("\"" + LABELS + "\" names classes, but there is no head");
        if (headWeight != null) {
            int v = !labels.isEmpty() ? labels.size() : vocabulary.isEmpty() ? headWeight.numRows : vocabulary.size();
            check(headWeight, v, hiddenSize, "head.weight");
            check(headBias, 1, v, "head.bias");
        }
    }

    private static void check(DMatrixRMaj m, int rows, int cols, String name) {
        if (m == null) throw new IllegalArgumentException(name + " is missing");
        if (m.numRows != rows) throw new IllegalArgumentException(name + " has " + m.numRows + " rows, expected " + rows);
        if (m.numCols != cols) throw new IllegalArgumentException(name + " has " + m.numCols + " columns, expected " + cols);
    }

    public CellType cell() { return cell; }

    /** Size of the vector that enters layer 0 at each step (embedding width, vocabulary size, or series width). */
    public int inputSize() { return inputSize; }

    public int hiddenSize() { return hiddenSize; }

    public int layerCount() { return layers.size(); }

    public LayerWeights layer(int l) { return layers.get(l); }

    public List<LayerWeights> layers() { return layers; }

    /** [V][inputSize], or null when tokens enter one-hot or the input is numeric. */
    public DMatrixRMaj embedding() { return embedding; }

    public DMatrixRMaj headWeight() { return headWeight; }

    public DMatrixRMaj headBias() { return headBias; }

    public boolean hasHead() { return headWeight != null; }

    /** Whether the input is a sequence of token ids (embedding or one-hot) rather than numeric vectors. */
    public boolean takesTokens() { return embedding != null || !vocabulary.isEmpty(); }

    /** Number of token ids the input accepts (0 for numeric input). */
    public int tokenCount() {
        if (!vocabulary.isEmpty()) return vocabulary.size();
        return embedding != null ? embedding.numRows : 0;
    }

    /** Size of the readout (0 without a head). */
    public int outputSize() { return headWeight == null ? 0 : headWeight.numRows; }

    public List<String> vocabulary() { return vocabulary; }

    public String tokenizer() { return tokenizer; }

    /**
     * The class names of a classifier's readout ({@link #LABELS} in the metadata), in output order; empty when the
     * readout predicts the next token (or there is none).
     */
    public List<String> labels() {
        Object l = metadata.get(LABELS);
        if (l == null) return List.of();
        if (!(l instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(o -> o instanceof String))
            throw new IllegalArgumentException("\"" + LABELS + "\" must be a list of class names (strings)");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) list;
        return names;
    }

    /** Whether the readout's outputs are classes ({@link #labels()}) rather than next tokens. */
    public boolean isClassifier() {
        return metadata.containsKey(LABELS);
    }

    /** Any other top-level entries of the model file (description, training command, final loss), kept as read. */
    public Map<String, Object> metadata() { return Collections.unmodifiableMap(metadata); }

    /** Every parameter under its PyTorch {@code state_dict} name, in file order. The matrices are live, not copies. */
    public Map<String, DMatrixRMaj> namedParameters() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        if (embedding != null) m.put("embedding.weight", embedding);
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights w = layers.get(l);
            m.put("rnn.weight_ih_l" + l, w.wIh);
            m.put("rnn.weight_hh_l" + l, w.wHh);
            m.put("rnn.bias_ih_l" + l, w.bIh);
            m.put("rnn.bias_hh_l" + l, w.bHh);
        }
        if (headWeight != null) {
            m.put("head.weight", headWeight);
            m.put("head.bias", headBias);
        }
        return m;
    }

    /** A deep copy (weights are copied; vocabulary and metadata are shared immutably). */
    public RnnModel copy() {
        List<LayerWeights> ls = new ArrayList<>();
        for (LayerWeights w : layers) ls.add(w.copy());
        return new RnnModel(cell, inputSize, hiddenSize, ls, embedding == null ? null : embedding.copy(),
                headWeight == null ? null : headWeight.copy(), headBias == null ? null : headBias.copy(),
                vocabulary, tokenizer, metadata);
    }

    /** The same weights with other metadata. */
    public RnnModel withMetadata(Map<String, Object> newMetadata) {
        return new RnnModel(cell, inputSize, hiddenSize, layers, embedding, headWeight, headBias, vocabulary,
                tokenizer, newMetadata);
    }

    /** A model of zeros with the given shape; a starting point for initialisers and tests. */
    public static RnnModel zeros(CellType cell, int inputSize, int hiddenSize, int layerCount, int embeddingRows,
                                 int outputSize, List<String> vocabulary, String tokenizer) {
        List<LayerWeights> ls = new ArrayList<>();
        for (int l = 0; l < layerCount; l++)
            ls.add(LayerWeights.zeros(cell.blocks(), l == 0 ? inputSize : hiddenSize, hiddenSize));
        DMatrixRMaj emb = embeddingRows > 0 ? new DMatrixRMaj(embeddingRows, inputSize) : null;
        DMatrixRMaj hw = outputSize > 0 ? new DMatrixRMaj(outputSize, hiddenSize) : null;
        DMatrixRMaj hb = outputSize > 0 ? new DMatrixRMaj(1, outputSize) : null;
        return new RnnModel(cell, inputSize, hiddenSize, ls, emb, hw, hb, vocabulary, tokenizer, null);
    }
}
