package org.rnnexplorer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.model.RnnModel;

/**
 * Reads and writes model files, version 1 (see DESIGN.md): a JSON object with {@code format}, {@code version},
 * {@code cell}, {@code layers}, {@code inputSize}, {@code hiddenSize}, an optional {@code tokenizer} and
 * {@code vocabulary}, and {@code parameters} under PyTorch's {@code state_dict} names as nested row-major lists.
 * Any other top-level entry is kept in the model's metadata and written back.
 *
 * <p>Reading is strict: every problem is a {@link BadFileException} whose one-line message names the file and what is
 * wrong. The limits below are checked before anything of that size is allocated.
 */
public final class ModelFile {
    public static final String FORMAT = "rnn-explorer-model";
    /** The version this code reads and writes. */
    public static final int VERSION = 1;
    /** Largest {@code hiddenSize} read. */
    public static final int MAX_HIDDEN = 4096;
    /** Largest {@code layers} read (the engine's limit). */
    public static final int MAX_LAYERS = RnnModel.MAX_LAYERS;
    /** Most entries in {@code vocabulary} (and rows of an embedding or head without one). */
    public static final int MAX_VOCABULARY = 100_000;
    /** Largest {@code inputSize} read (one-hot input over the largest vocabulary). */
    public static final int MAX_INPUT_SIZE = MAX_VOCABULARY;
    /** Most numbers in {@code parameters}, all together (400 MB as doubles). */
    public static final long MAX_PARAMETERS = 50_000_000L;
    /** Largest file read (50 million parameters written as JSON take about this much). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** Top-level keys with a meaning of their own; any other key is metadata. */
    static final Set<String> RESERVED = Set.of("format", "version", "cell", "layers", "inputSize", "hiddenSize",
            "tokenizer", "vocabulary", "parameters");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /** Reads the model in {@code file}. */
    public static RnnModel read(Path file) {
        return FileReads.read(file, "model", MAX_FILE_BYTES, "ModelFile.MAX_FILE_BYTES", ModelFile::read);
    }

    /** Reads a model from {@code in} (not closed); {@code name} names it in messages, e.g. a file or resource name. */
    public static RnnModel read(InputStream in, String name) {
        ModelFileReader reader = new ModelFileReader(name);
        JsonFileReading.read(in, name, MAX_FILE_BYTES, "model", "ModelFile.MAX_FILE_BYTES", reader::parse);
        return reader.build();
    }

    /** Writes {@code model} to {@code file} atomically (temporary file, then move). */
    public static void write(RnnModel model, Path file) {
        write(model, file, AtomicFiles.Disk.REAL);
    }

    static void write(RnnModel model, Path file, AtomicFiles.Disk disk) {
        checkFinite(model, file.toString());
        AtomicFiles.write(file, out -> write(model, out), disk);
    }

    /** Writes {@code model} as JSON to {@code out} (not closed); use {@link #write(RnnModel, Path)} for files. */
    public static void write(RnnModel model, OutputStream out) throws IOException {
        Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(model, w);
        w.flush();
    }

    /** Writes {@code model} as one JSON object to {@code w} (not flushed), ending in a new line. */
    static void write(RnnModel model, Writer w) throws IOException {
        checkFinite(model, "model");
        w.write("{\n");
        field(w, "format", FORMAT);
        field(w, "version", VERSION);
        field(w, "cell", model.cell().id());
        field(w, "layers", model.layerCount());
        field(w, "inputSize", model.inputSize());
        field(w, "hiddenSize", model.hiddenSize());
        if (!model.vocabulary().isEmpty()) {
            if (model.tokenizer() != null) field(w, "tokenizer", model.tokenizer());
            field(w, "vocabulary", model.vocabulary());
        }
        for (Map.Entry<String, Object> e : model.metadata().entrySet())
            if (!RESERVED.contains(e.getKey())) field(w, e.getKey(), e.getValue());
        w.write("  \"parameters\": {");
        boolean first = true;
        for (Map.Entry<String, DMatrixRMaj> e : model.namedParameters().entrySet()) {
            w.write(first ? "\n" : ",\n");
            first = false;
            w.write("    " + JSON.writeValueAsString(e.getKey()) + ": ");
            writeParameter(w, e.getKey(), e.getValue());
        }
        w.write("\n  }\n}\n");
    }

    private static void field(Writer w, String key, Object value) throws IOException {
        w.write("  " + JSON.writeValueAsString(key) + ": " + JSON.writeValueAsString(value) + ",\n");
    }

    /** Biases (and other [1][n] parameters) as a flat list, as PyTorch stores them; matrices as a list of rows. */
    private static void writeParameter(Writer w, String name, DMatrixRMaj m) throws IOException {
        boolean flat = m.numRows == 1 && isBias(name);
        if (flat) {
            writeRow(w, m, 0);
            return;
        }
        w.write("[");
        for (int i = 0; i < m.numRows; i++) {
            w.write(i == 0 ? "\n      " : ",\n      ");
            writeRow(w, m, i);
        }
        w.write("\n    ]");
    }

    static boolean isBias(String name) {
        return name.startsWith("rnn.bias_") || name.equals("head.bias");
    }

    private static void writeRow(Writer w, DMatrixRMaj m, int row) throws IOException {
        w.write('[');
        for (int j = 0; j < m.numCols; j++) {
            if (j > 0) w.write(", ");
            w.write(Double.toString(m.unsafe_get(row, j)));
        }
        w.write(']');
    }

    static void checkFinite(RnnModel model, String name) {
        for (Map.Entry<String, DMatrixRMaj> e : model.namedParameters().entrySet()) {
            DMatrixRMaj m = e.getValue();
            for (int i = 0; i < m.numRows; i++)
                for (int j = 0; j < m.numCols; j++)
                    if (!Double.isFinite(m.unsafe_get(i, j)))
                        throw new BadFileException(name, "cannot write: " + e.getKey() + "[" + i + "][" + j + "] is "
                                + m.unsafe_get(i, j));
        }
    }

    /** The model as the JSON text {@link #write(RnnModel, OutputStream)} writes. */
    public static String toJson(RnnModel model) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            write(model, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Reads a model from JSON text. */
    public static RnnModel fromJson(String json, String name) {
        return read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }
}
