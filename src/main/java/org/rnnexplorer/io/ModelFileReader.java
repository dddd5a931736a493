package org.rnnexplorer.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.LayerWeights;
import org.rnnexplorer.model.RnnModel;

/**
 * One reading of a model file: a streaming pass that keeps the small entries as JSON trees and reads each parameter
 * straight into arrays of doubles (checking every number and the running count against
 * {@link ModelFile#MAX_PARAMETERS}), then {@link #build} checks the whole against the declared sizes.
 */
final class ModelFileReader {
    private static final Pattern RNN_PARAMETER = Pattern.compile("rnn\\.(weight_ih|weight_hh|bias_ih|bias_hh)_l(\\d{1,3})(_reverse)?");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so that NaN and Infinity get a precise message
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final String name;
    private final Map<String, JsonNode> header = new HashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final long maxNumbers;
    private boolean sawParameters;
    private long numbersRead;

    ModelFileReader(String name) {
        this(name, ModelFile.MAX_PARAMETERS);
    }

    /** A reader that stops after {@code maxNumbers} parameter numbers (the limit is lowered in tests). */
    ModelFileReader(String name, long maxNumbers) {
        this.name = name;
        this.maxNumbers = maxNumbers;
    }

    private BadFileException bad(String problem) {
        return new BadFileException(name, problem);
    }

    /** The numbers of one parameter as read: a list of rows (matrix) or one flat list (vector). */
    private static final class Parameter {
        final boolean matrix;
        final List<double[]> rows;

        Parameter(boolean matrix, List<double[]> rows) {
            this.matrix = matrix;
            this.rows = rows;
        }

        int rowCount() { return matrix ? rows.size() : 1; }

        int length() { return rows.isEmpty() ? 0 : rows.get(0).length; }

        boolean isEmpty() { return rows.isEmpty() || (!matrix && rows.get(0).length == 0); }
    }

    // ---------------------------------------------------------------- parsing

    void parse(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) throw bad("the file is empty");
            if (t != JsonToken.START_OBJECT) throw bad("expected a JSON object ({...}) at the top, found " + describe(t));
            parseObject(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                throw bad("unexpected " + describe(after) + " after the end of the JSON object at line "
                        + at.getLineNr() + ", column " + at.getColumnNr());
            }
        }
    }

    /** A parser set up as model files are read: NaN is seen (to be refused by name), duplicate keys are refused. */
    static JsonParser parser(InputStream in) throws IOException {
        return JSON.createParser(in);
    }

    /** Reads the model object whose START_OBJECT is {@code p}'s current token, up to its END_OBJECT. */
    void parseObject(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("parameters")) {
                if (header.containsKey("format") && header.containsKey("version")) checkFormatAndVersion();
                readParameters(p);
            } else if (ModelFile.RESERVED.contains(key)) {
                header.put(key, p.readValueAsTree());
            } else {
                metadata.put(key, JSON.treeToValue(p.readValueAsTree(), Object.class));
            }
        }
    }

    private void readParameters(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT)
            throw bad("\"parameters\" must be an object of named lists of numbers, found " + describe(p.currentToken()));
        sawParameters = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String param = p.currentName();
            p.nextToken();
            parameters.put(param, readParameter(p, param.length() > 40 ? quoteShort(param) : param));
        }
    }

    private Parameter readParameter(JsonParser p, String param) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY)
            throw bad(param + " must be a list of numbers or of rows, found " + describe(p.currentToken()));
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) return new Parameter(false, List.of(readNumbers(p, param, -1)));
        List<double[]> rows = new ArrayList<>();
        while (t != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY)
                throw bad(param + "[" + rows.size() + "] is " + describe(t) + " in a list of rows");
            p.nextToken();
            double[] row = readNumbers(p, param, rows.size());
            if (!rows.isEmpty() && row.length != rows.get(0).length)
                throw bad(param + " has rows of different lengths: row 0 has " + rows.get(0).length
                        + " numbers, row " + rows.size() + " has " + row.length);
            rows.add(row);
            t = p.nextToken();
        }
        return new Parameter(true, rows);
    }

    /** Reads numbers from the current token up to the closing bracket; {@code row} −1 for a flat list. */
    private double[] readNumbers(JsonParser p, String param, int row) throws IOException {
        double[] values = new double[16];
        int n = 0;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String at = param + (row >= 0 ? "[" + row + "]" : "") + "[" + n + "]";
            if (t == JsonToken.START_ARRAY) throw bad(at + " is a list; parameters are lists of numbers or of rows of numbers");
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)
                throw bad(at + " is " + describe(t) + ", not a number");
            double v = p.getDoubleValue();
            if (!Double.isFinite(v)) throw bad(at + " is " + (Double.isNaN(v) ? "NaN" : shortNumber(p.getText())) + "; parameters must be finite numbers");
            if (++numbersRead > maxNumbers)
                throw bad("has more than " + maxNumbers + " parameters; that is the limit (ModelFile.MAX_PARAMETERS)");
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = v;
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /** A name or token from the file in quotes, cut short when it is long. */
    static String quoteShort(String s) {
        return UnknownTokenException.quote(s.length() > 40 ? s.substring(0, 37) + "..." : s);
    }

    /** A number as written, cut short when it is long: {@code 9999999999...(1200 characters)}. */
    static String shortNumber(String text) {
        return text.length() <= 30 ? text : text.substring(0, 20) + "...(" + text.length() + " characters)";
    }

    static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** A JSON syntax problem as one line with its line and column. */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\\R", 2)[0];
        if (e instanceof JsonEOFException || detail.contains("end-of-input"))
            return "truncated: the JSON ends" + where + " before it is complete";
        if (detail.length() > 80 && detail.indexOf("): ") > 0) detail = detail.substring(0, detail.indexOf("): ") + 1);
        if (detail.length() > 120) detail = detail.substring(0, 117) + "...";
        return "not valid JSON" + where + (detail.isEmpty() ? "" : ": " + detail);
    }

    // ---------------------------------------------------------------- checking and building

    /** Refuses other formats and other versions (first, so that a future file gets this message and no other). */
    private void checkFormatAndVersion() {
        String format = text("format", "not an RNN Explorer model file (no \"format\": \"" + ModelFile.FORMAT + "\")");
        if (!format.equals(ModelFile.FORMAT))
            throw bad("not an RNN Explorer model file (\"format\" is " + quoteShort(format)
                    + ", expected \"" + ModelFile.FORMAT + "\")");
        int version = integer("version", Integer.MIN_VALUE, Integer.MAX_VALUE, null);
        if (version > ModelFile.VERSION)
            throw bad("written by a newer RNN Explorer (version " + version + "); this one reads version " + ModelFile.VERSION);
        if (version < ModelFile.VERSION)
            throw bad("unknown version " + version + "; this one reads version " + ModelFile.VERSION);
    }

    RnnModel build() {
        checkFormatAndVersion();
        String cellId = text("cell", "\"cell\" is missing (rnn, lstm or gru)");
        CellType cell = CellType.fromId(cellId);
        if (cell == null) throw bad("unknown cell " + quoteShort(cellId) + " (expected rnn, lstm or gru)");
        int layers = integer("layers", 1, ModelFile.MAX_LAYERS, "MAX_LAYERS");
        int inputSize = integer("inputSize", 1, ModelFile.MAX_INPUT_SIZE, "MAX_INPUT_SIZE");
        int hidden = integer("hiddenSize", 1, ModelFile.MAX_HIDDEN, "MAX_HIDDEN");
        List<String> vocabulary = vocabulary();
        String tokenizer = tokenizer(vocabulary);
        if (!sawParameters) throw bad("\"parameters\" is missing");

        checkNames(layers);
        int g = cell.blocks();
        Parameter embedding = parameters.get("embedding.weight");
        int tokens = vocabulary != null ? vocabulary.size() : embedding != null ? embedding.rowCount() : 0;
        if (tokens > ModelFile.MAX_VOCABULARY)
            throw bad("embedding.weight has " + tokens + " rows; the limit is " + ModelFile.MAX_VOCABULARY + " (ModelFile.MAX_VOCABULARY)");
        if (vocabulary != null && embedding == null && inputSize != vocabulary.size())
            throw bad("\"inputSize\" is " + inputSize + " but the vocabulary has " + vocabulary.size()
                    + " entries and there is no embedding.weight (one-hot input needs inputSize = " + vocabulary.size() + ")");
        Parameter headW = parameters.get("head.weight");
        Parameter headB = parameters.get("head.bias");
        if (headW != null && headB == null) throw bad("head.bias is missing (head.weight is there)");
        if (headB != null && headW == null) throw bad("head.weight is missing (head.bias is there)");
        int outputs = metadata.get(RnnModel.LABELS) instanceof List<?> labels ? labels.size()
                : vocabulary != null ? vocabulary.size() : headW != null ? headW.rowCount() : 0;
        if (outputs > ModelFile.MAX_VOCABULARY)
            throw bad("head.weight has " + outputs + " rows; the limit is " + ModelFile.MAX_VOCABULARY + " (ModelFile.MAX_VOCABULARY)");

        long expected = (long) tokens * (embedding != null ? inputSize : 0) + (long) outputs * (hidden + 1);
        for (int l = 0; l < layers; l++) expected += (long) g * hidden * ((l == 0 ? inputSize : hidden) + hidden + 2);
        if (expected > ModelFile.MAX_PARAMETERS)
            throw bad("declares " + expected + " parameters; the limit is " + ModelFile.MAX_PARAMETERS + " (ModelFile.MAX_PARAMETERS)");

        DMatrixRMaj emb = embedding == null ? null : matrix("embedding.weight", tokens, inputSize);
        List<LayerWeights> weights = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : hidden;
            weights.add(new LayerWeights(
                    matrix("rnn.weight_ih_l" + l, g * hidden, in),
                    matrix("rnn.weight_hh_l" + l, g * hidden, hidden),
                    vector("rnn.bias_ih_l" + l, g * hidden),
                    vector("rnn.bias_hh_l" + l, g * hidden)));
        }
        DMatrixRMaj hw = headW == null ? null : matrix("head.weight", outputs, hidden);
        DMatrixRMaj hb = headB == null ? null : vector("head.bias", outputs);
        try {
            return new RnnModel(cell, inputSize, hidden, weights, emb, hw, hb, vocabulary, tokenizer, metadata);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private JsonNode required(String key, String missing) {
        JsonNode n = header.get(key);
        if (n == null || n.isNull()) throw bad(missing != null ? missing : "\"" + key + "\" is missing");
        return n;
    }

    private String text(String key, String missing) {
        JsonNode n = required(key, missing);
        if (!n.isTextual()) throw bad("\"" + key + "\" must be a string, found " + n.getNodeType().name().toLowerCase());
        return n.textValue();
    }

    private int integer(String key, int min, int max, String limitName) {
        JsonNode n = required(key, null);
        if (!n.isIntegralNumber() || !n.canConvertToInt())
            throw bad("\"" + key + "\" must be a whole number, found " + shortText(n));
        int v = n.intValue();
        if (v < min) throw bad("\"" + key + "\" must be at least " + min + ", found " + v);
        if (v > max) throw bad("\"" + key + "\" is " + v + "; the limit is " + max + " (ModelFile." + limitName + ")");
        return v;
    }

    private static String shortText(JsonNode n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private List<String> vocabulary() {
        JsonNode n = header.get("vocabulary");
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw bad("\"vocabulary\" must be a list of strings, found " + shortText(n));
        if (n.isEmpty()) throw bad("\"vocabulary\" is empty");
        if (n.size() > ModelFile.MAX_VOCABULARY)
            throw bad("\"vocabulary\" has " + n.size() + " entries; the limit is " + ModelFile.MAX_VOCABULARY + " (ModelFile.MAX_VOCABULARY)");
        List<String> out = new ArrayList<>(n.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) throw bad("\"vocabulary\" entry " + i + " is not a string: " + shortText(e));
            Integer before = seen.putIfAbsent(e.textValue(), i);
            if (before != null)
                throw bad("\"vocabulary\" has " + quoteShort(e.textValue()) + " twice (entries " + before + " and " + i + ")");
            out.add(e.textValue());
        }
        return out;
    }

    private String tokenizer(List<String> vocabulary) {
        JsonNode n = header.get("tokenizer");
        if (n == null || n.isNull()) return null;
        if (!n.isTextual() || !(n.textValue().equals("char") || n.textValue().equals("word")))
            throw bad("unknown tokenizer " + shortText(n) + " (expected \"char\" or \"word\")");
        if (vocabulary == null) throw bad("\"tokenizer\" is given but there is no \"vocabulary\"");
        return n.textValue();
    }

    /** Refuses parameters with names this format does not have, and layers other than the declared ones. */
    private void checkNames(int layers) {
        TreeSet<Integer> present = new TreeSet<>();
        for (String p : parameters.keySet()) {
            if (p.equals("embedding.weight") || p.equals("head.weight") || p.equals("head.bias")) continue;
            Matcher m = RNN_PARAMETER.matcher(p);
            if (m.matches() && m.group(3) != null)
                throw bad("bidirectional RNNs are not supported (" + p + ")");
            if (m.matches()) {
                int l = Integer.parseInt(m.group(2));
                if (l >= layers)
                    throw bad("\"layers\" is " + layers + " but the file has parameters for layer " + l + " (" + p + ")");
                present.add(l);
                continue;
            }
            if (p.startsWith("rnn.weight_hr_l")) throw bad("LSTM projections (proj_size) are not supported (" + p + ")");
            throw bad("unknown parameter " + quoteShort(p)
                    + " (names follow PyTorch's state_dict of modules embedding, rnn and head)");
        }
        for (int l = 0; l < layers; l++)
            if (!present.contains(l))
                throw bad("\"layers\" is " + layers + " but there are no parameters for layer " + l + " (rnn.weight_ih_l" + l + " is missing)");
    }

    private Parameter get(String param) {
        Parameter p = parameters.get(param);
        if (p == null) throw bad(param + " is missing");
        return p;
    }

    private DMatrixRMaj matrix(String param, int rows, int cols) {
        Parameter p = get(param);
        if (!p.matrix && !p.isEmpty()) throw bad(param + " must be a list of rows, found a flat list of " + p.length() + " numbers");
        int r = p.matrix ? p.rows.size() : 0;
        if (r != rows) throw bad(param + " has " + r + " rows, expected " + rows);
        if (p.length() != cols) throw bad(param + " has " + p.length() + " columns, expected " + cols);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) System.arraycopy(p.rows.get(i), 0, m.data, i * cols, cols);
        return m;
    }

    private DMatrixRMaj vector(String param, int length) {
        Parameter p = get(param);
        if (p.matrix) throw bad(param + " must be a flat list of numbers, found a list of " + p.rows.size() + " rows");
        if (p.length() != length) throw bad(param + " has " + p.length() + " numbers, expected " + length);
        DMatrixRMaj m = new DMatrixRMaj(1, length);
        System.arraycopy(p.rows.get(0), 0, m.data, 0, length);
        return m;
    }
}
