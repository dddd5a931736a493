package org.rnnexplorer.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rnnexplorer.data.InputLimits;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.model.Intervention;
import org.rnnexplorer.model.RnnModel;

/**
 * Session files, version 1: a {@link Session} as one JSON object.
 *
 * <pre>{@code
 * { "format": "rnn-explorer-session", "version": 1,
 *   "model": { ...a whole model file... },                   // the weights as they are now, or instead:
 *   "bundledModel": { "path": "models/lstm-brackets.json",   //   a bundled model, unchanged: its path and the
 *                     "sha256": "9f2c..." },                  //   SHA-256 of its canonical JSON (ModelFile.toJson)
 *   "openedFrom": "models/lstm-brackets.json",               // with "model": the bundled model it came from
 *   "input": { "text": "(a(b)c)" },                          // or { "series": [[0.5, 1.0], ...] }
 *   "selection": { "layer": 0, "unit": 3, "step": 5 },
 *   "sliders": { "recurrentScale": 1.5 },
 *   "clamps": [ { "target": "gate", "gate": "forget", "layer": 0, "unit": 3, "from": 2, "to": 5, "value": 1.0 },
 *               { "target": "hidden", "layer": 0, "unit": 1, "from": 0, "to": 2147483647, "value": 0.0 } ] }
 * }</pre>
 *
 * Writing is atomic. Reading is strict and whole: the file is parsed to the end and every part checked against the
 * model before a session is returned; any problem, an unknown key or another version is a {@link BadFileException}
 * with one line naming the file. A bundled model is written by reference only when its weights are unchanged, and a
 * reference is read only when the bundled file still has the same SHA-256.
 */
public final class SessionFile {
    public static final String FORMAT = "rnn-explorer-session";
    /** The version this code writes, and the newest it reads. */
    public static final int VERSION = 1;
    /** Largest session file read: as large as the largest model file. */
    public static final long MAX_FILE_BYTES = ModelFile.MAX_FILE_BYTES;

    /** Opens a bundled model by its path under {@code /bundled}; null when there is none. */
    @FunctionalInterface
    public interface BundledModels {
        InputStream open(String path) throws IOException;

        /** The models shipped with the app: class-path resources under {@code /bundled/}. */
        BundledModels CLASS_PATH = path -> SessionFile.class.getResourceAsStream("/bundled/" + path);
    }

    private static final Pattern BUNDLED_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\\.json");
    private static final Set<String> KEYS = Set.of("format", "version", "model", "bundledModel", "openedFrom",
            "input", "selection", "sliders", "clamps");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionFile() {
    }

    /** A relative path of letters, digits, {@code _ - .} and {@code /} ending in {@code .json}, with no {@code ..}. */
    static boolean isBundledPath(String path) {
        return path.length() <= 200 && BUNDLED_PATH.matcher(path).matches() && !path.contains("..");
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code session} to {@code file} atomically; a bundled model goes by reference when unchanged. */
    public static void write(Session session, Path file) {
        write(session, file, BundledModels.CLASS_PATH);
    }

    public static void write(Session session, Path file, BundledModels bundled) {
        write(session, file, bundled, AtomicFiles.Disk.REAL);
    }

    static void write(Session session, Path file, BundledModels bundled, AtomicFiles.Disk disk) {
        ModelFile.checkFinite(session.model(), file.toString());
        String reference = unchangedBundledModel(session, bundled);
        AtomicFiles.writeText(file, w -> write(session, reference, w), disk);
    }

    /** The session as the JSON text {@link #write(Session, Path)} writes. */
    public static String toJson(Session session, BundledModels bundled) {
        StringWriter w = new StringWriter();
        try {
            write(session, unchangedBundledModel(session, bundled), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The SHA-256 (hex) of the session's bundled model when its weights and entries are as shipped, else null. */
    private static String unchangedBundledModel(Session session, BundledModels bundled) {
        if (session.bundledModel() == null) return null;
        String own = fingerprint(session.model());
        try (InputStream in = bundled.open(session.bundledModel())) {
            if (in == null) return null;
            String shipped = fingerprint(ModelFile.read(in, session.bundledModel()));
            return shipped.equals(own) ? own : null;
        } catch (IOException | BadFileException e) {
            return null;
        }
    }

    /**
     * The SHA-256 of the model's canonical JSON ({@link ModelFile#toJson}) as 64 hex digits: equal for two models
     * exactly when their files would be equal. The UI can compare it with the one at the last save to tell whether
     * trained weights are unsaved.
     */
    public static String fingerprint(RnnModel model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(ModelFile.toJson(model).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void write(Session s, String bundledSha256, Writer w) throws IOException {
        w.write("{\n  \"format\": \"" + FORMAT + "\",\n  \"version\": " + VERSION + ",\n");
        if (bundledSha256 != null) {
            w.write("  \"bundledModel\": {\"path\": " + JSON.writeValueAsString(s.bundledModel())
                    + ", \"sha256\": \"" + bundledSha256 + "\"},\n");
        } else {
            if (s.bundledModel() != null) w.write("  \"openedFrom\": " + JSON.writeValueAsString(s.bundledModel()) + ",\n");
            w.write("  \"model\": ");
            ModelFile.write(s.model(), w);
            w.write(",\n");
        }
        w.write("  \"input\": {");
        if (s.text() != null) {
            w.write("\"text\": " + JSON.writeValueAsString(s.text()) + "},\n");
        } else {
            w.write("\"series\": [");
            double[][] x = s.series();
            for (int t = 0; t < x.length; t++) {
                w.write(t == 0 ? "\n    [" : ",\n    [");
                for (int j = 0; j < x[t].length; j++) w.write((j > 0 ? ", " : "") + x[t][j]);
                w.write("]");
            }
            w.write(x.length == 0 ? "]},\n" : "\n  ]},\n");
        }
        w.write("  \"selection\": {\"layer\": " + s.layer() + ", \"unit\": " + s.unit() + ", \"step\": " + s.step() + "},\n");
        w.write("  \"sliders\": " + JSON.writeValueAsString(s.sliders()) + ",\n");
        w.write("  \"clamps\": [");
        for (int i = 0; i < s.clamps().size(); i++) {
            Intervention c = s.clamps().get(i);
            w.write(i == 0 ? "\n    {" : ",\n    {");
            w.write("\"target\": \"" + c.target().name().toLowerCase() + "\", ");
            if (c.target() == Intervention.Target.GATE)
                w.write("\"gate\": " + JSON.writeValueAsString(s.model().cell().gateNames().get(c.gate())) + ", ");
            w.write("\"layer\": " + c.layer() + ", \"unit\": " + c.unit() + ", \"from\": " + c.fromStep()
                    + ", \"to\": " + c.toStep() + ", \"value\": " + c.value() + "}");
        }
        w.write(s.clamps().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        w.flush();
    }

    // ---------------------------------------------------------------- reading

    /** Reads the session in {@code file}; bundled models come from the class path. */
    public static Session read(Path file) {
        return read(file, BundledModels.CLASS_PATH);
    }

    public static Session read(Path file, BundledModels bundled) {
        return FileReads.read(file, "session", MAX_FILE_BYTES, "SessionFile.MAX_FILE_BYTES",
                (in, name) -> read(in, name, bundled));
    }

    /** Reads a session from {@code in} (not closed); {@code name} names it in messages. */
    public static Session read(InputStream in, String name, BundledModels bundled) {
        Reading r = new Reading(name);
        JsonFileReading.read(in, name, MAX_FILE_BYTES, "session", "SessionFile.MAX_FILE_BYTES", bytes -> {
            try (JsonParser p = ModelFileReader.parser(bytes)) {
                r.parse(p);
            }
        });
        return r.build(bundled);
    }

    /** Reads a session from JSON text. */
    public static Session fromJson(String json, String name, BundledModels bundled) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name, bundled);
    }

    /** One reading: the streaming pass keeps every part; {@link #build} checks them together. */
    private static final class Reading {
        private final String name;
        private final Map<String, JsonNode> header = new LinkedHashMap<>();
        private ModelFileReader model;
        private String text;
        private double[][] series;
        private String unknownKey;

        Reading(String name) {
            this.name = name;
        }

        private BadFileException bad(String problem) {
            return new BadFileException(name, problem);
        }

        void parse(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) throw bad("the file is empty");
            if (t != JsonToken.START_OBJECT) throw bad("expected a JSON object ({...}) at the top, found " + ModelFileReader.describe(t));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (header.containsKey("format") && header.containsKey("version") && !key.equals("format")
                        && !key.equals("version")) checkFormatAndVersion();
                t = p.nextToken();
                if (!KEYS.contains(key)) {
                    // refused after the version check, so that a newer file is named as such
                    if (unknownKey == null) unknownKey = key;
                    p.skipChildren();
                } else if (key.equals("model")) {
                    if (t != JsonToken.START_OBJECT) throw bad("\"model\" must be a model-file object, found " + ModelFileReader.describe(t));
                    model = new ModelFileReader(name);
                    try {
                        model.parseObject(p);
                    } catch (BadFileException e) {
                        throw inModel(e);
                    }
                } else if (key.equals("input")) {
                    readInput(p);
                } else {
                    header.put(key, p.readValueAsTree());
                }
            }
            JsonToken after = p.nextToken();
            if (after != null)
                throw bad("unexpected " + ModelFileReader.describe(after) + " after the end of the JSON object at line "
                        + p.currentTokenLocation().getLineNr() + ", column " + p.currentTokenLocation().getColumnNr());
        }

        private BadFileException inModel(BadFileException e) {
            return bad("the model: " + e.problem());
        }

        private void readInput(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT)
                throw bad("\"input\" must be an object with \"text\" or \"series\", found " + ModelFileReader.describe(p.currentToken()));
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (seen) throw bad("\"input\" has both \"text\" and \"series\"");
                seen = true;
                if (key.equals("text")) {
                    if (t != JsonToken.VALUE_STRING) throw bad("\"input\".\"text\" must be a string, found " + ModelFileReader.describe(t));
                    text = p.getText();
                } else if (key.equals("series")) {
                    series = readSeries(p);
                } else {
                    throw bad("\"input\" has an unknown entry " + UnknownTokenException.quote(shorten(key)) + " (expected \"text\" or \"series\")");
                }
            }
            if (!seen) throw bad("\"input\" is empty (expected \"text\" or \"series\")");
        }

        private double[][] readSeries(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY)
                throw bad("\"input\".\"series\" must be a list of rows of numbers, found " + ModelFileReader.describe(p.currentToken()));
            List<double[]> rows = new ArrayList<>();
            long numbers = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                String at = "\"input\".\"series\"[" + rows.size() + "]";
                if (t != JsonToken.START_ARRAY) throw bad(at + " is " + ModelFileReader.describe(t) + ", not a row of numbers");
                if (rows.size() == InputLimits.MAX_STEPS)
                    throw bad("the input series has more than " + InputLimits.MAX_STEPS + " rows; the limit is "
                            + InputLimits.MAX_STEPS + " steps per trace (InputLimits.MAX_STEPS)");
                double[] row = new double[8];
                int n = 0;
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)
                        throw bad(at + "[" + n + "] is " + ModelFileReader.describe(t) + ", not a number");
                    double v = p.getDoubleValue();
                    if (!Double.isFinite(v)) throw bad(at + "[" + n + "] is " + ModelFileReader.shortNumber(p.getText()) + "; only finite numbers are allowed");
                    if (++numbers > SeriesCsv.MAX_NUMBERS)
                        throw bad("the input series has more than " + SeriesCsv.MAX_NUMBERS + " numbers (SeriesCsv.MAX_NUMBERS)");
                    if (n == row.length) row = Arrays.copyOf(row, n * 2);
                    row[n++] = v;
                }
                rows.add(Arrays.copyOf(row, n));
            }
            return rows.toArray(new double[0][]);
        }

        private void checkFormatAndVersion() {
            JsonNode format = header.get("format");
            if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
                if (format != null && format.isTextual() && format.textValue().equals(ModelFile.FORMAT))
                    throw bad("is a model file, not a session file (open it as a model)");
                throw bad("not an RNN Explorer session file (" + (format == null ? "no \"format\"" : "\"format\" is " + shorten(format.toString()))
                        + ", expected \"" + FORMAT + "\")");
            }
            JsonNode v = header.get("version");
            if (v == null || v.isNull()) throw bad("\"version\" is missing");
            if (!v.isIntegralNumber() || !v.canConvertToInt())
                throw bad("\"version\" must be a whole number, found " + shorten(v.toString()));
            int version = v.intValue();
            if (version > VERSION)
                throw bad("written by a newer RNN Explorer (version " + version + "); this one reads version " + VERSION);
            if (version < 1)
                throw bad("unknown version " + version + "; this one reads version " + VERSION);
            // version 1 is the only one so far; an older version, once there is one, is converted here
        }

        Session build(BundledModels bundled) {
            checkFormatAndVersion();
            if (unknownKey != null)
                throw bad("unknown entry " + UnknownTokenException.quote(shorten(unknownKey)) + " (a session has format,"
                        + " version, model or bundledModel, input, selection, sliders and clamps)");
            RnnModel m = model(bundled);
            if (text == null && series == null) throw bad("\"input\" is missing");
            JsonNode sel = header.get("selection");
            if (sel == null || !sel.isObject()) throw bad("\"selection\" must be an object with layer, unit and step");
            checkKeys(sel, "\"selection\"", Set.of("layer", "unit", "step"));
            int layer = integer(sel, "layer", "\"selection\"");
            int unit = integer(sel, "unit", "\"selection\"");
            int step = integer(sel, "step", "\"selection\"");
            Map<String, Double> sliders = sliders();
            List<Intervention> clamps = clamps(m);
            String origin = bundledPath(header.get("openedFrom"), "\"openedFrom\"");
            if (model == null) origin = bundledPath(header.get("bundledModel").get("path"), "\"bundledModel\".\"path\"");
            try {
                return new Session(m, origin, text, series, layer, unit, step, sliders, clamps);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private RnnModel model(BundledModels bundled) {
            JsonNode ref = header.get("bundledModel");
            if (model != null && ref != null) throw bad("has both \"model\" and \"bundledModel\"; a session has one");
            if (model != null) {
                if (header.containsKey("openedFrom")) bundledPath(header.get("openedFrom"), "\"openedFrom\"");
                try {
                    return model.build();
                } catch (BadFileException e) {
                    throw inModel(e);
                }
            }
            if (ref == null) throw bad("has no model (neither \"model\" nor \"bundledModel\")");
            if (header.containsKey("openedFrom")) throw bad("\"openedFrom\" goes with \"model\", not with \"bundledModel\"");
            if (!ref.isObject()) throw bad("\"bundledModel\" must be an object with path and sha256");
            checkKeys(ref, "\"bundledModel\"", Set.of("path", "sha256"));
            String path = bundledPath(ref.get("path"), "\"bundledModel\".\"path\"");
            JsonNode sha = ref.get("sha256");
            if (sha == null || !sha.isTextual() || !sha.textValue().matches("[0-9a-f]{64}"))
                throw bad("\"bundledModel\".\"sha256\" must be 64 hex digits");
            RnnModel m;
            try (InputStream in = bundled.open(path)) {
                if (in == null) throw new NoSuchFileException(path);
                m = ModelFile.read(in, path);
            } catch (NoSuchFileException e) {
                throw bad("the bundled model " + path + " is not in this RNN Explorer");
            } catch (IOException e) {
                throw bad("cannot read the bundled model " + path + ": " + e.getMessage());
            } catch (BadFileException e) {
                throw bad("the bundled model is unreadable: " + e.getMessage());
            }
            if (!fingerprint(m).equals(sha.textValue()))
                throw bad("the bundled model " + path + " has changed since this session was saved (its SHA-256 differs),"
                        + " so the session cannot be restored as it was");
            return m;
        }

        private String bundledPath(JsonNode n, String what) {
            if (n == null || n.isNull()) {
                if (what.startsWith("\"bundledModel\"")) throw bad(what + " is missing");
                return null;
            }
            if (!n.isTextual() || !isBundledPath(n.textValue()))
                throw bad(what + " must be a relative path to a .json file, found " + shorten(n.toString()));
            return n.textValue();
        }

        private Map<String, Double> sliders() {
            JsonNode n = header.get("sliders");
            if (n == null || n.isNull()) return Map.of();
            if (!n.isObject()) throw bad("\"sliders\" must be an object of names and numbers, found " + shorten(n.toString()));
            if (n.size() > Session.MAX_SLIDERS) throw bad("\"sliders\" has " + n.size() + " entries; the limit is " + Session.MAX_SLIDERS);
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isNumber() || !Double.isFinite(v.doubleValue()))
                    throw bad("slider " + UnknownTokenException.quote(shorten(e.getKey())) + " is " + shorten(v.toString())
                            + "; slider values are finite numbers");
                out.put(e.getKey(), v.doubleValue());
            }
            return out;
        }

        private List<Intervention> clamps(RnnModel m) {
            JsonNode n = header.get("clamps");
            if (n == null || n.isNull()) return List.of();
            if (!n.isArray()) throw bad("\"clamps\" must be a list, found " + shorten(n.toString()));
            if (n.size() > Session.MAX_CLAMPS) throw bad("\"clamps\" has " + n.size() + " entries; the limit is " + Session.MAX_CLAMPS);
            List<Intervention> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode c = n.get(i);
                String which = "clamp " + i;
                if (!c.isObject()) throw bad(which + " must be an object, found " + shorten(c.toString()));
                checkKeys(c, which, Set.of("target", "gate", "layer", "unit", "from", "to", "value"));
                JsonNode target = c.get("target");
                String t = target != null && target.isTextual() ? target.textValue() : "";
                int gate = -1;
                Intervention.Target kind;
                switch (t) {
                    case "gate" -> {
                        kind = Intervention.Target.GATE;
                        JsonNode g = c.get("gate");
                        List<String> names = m.cell().gateNames();
                        if (g == null || !g.isTextual() || !names.contains(g.textValue()))
                            throw bad(which + ": \"gate\" must be one of the " + m.cell().id() + " cell's gates "
                                    + names + ", found " + (g == null ? "nothing" : shorten(g.toString())));
                        gate = names.indexOf(g.textValue());
                    }
                    case "hidden" -> kind = Intervention.Target.HIDDEN;
                    case "cell" -> kind = Intervention.Target.CELL;
                    default -> throw bad(which + ": \"target\" must be \"gate\", \"hidden\" or \"cell\", found "
                            + (target == null ? "nothing" : shorten(target.toString())));
                }
                if (kind != Intervention.Target.GATE && c.has("gate"))
                    throw bad(which + ": \"gate\" goes with target \"gate\" only");
                int layer = integer(c, "layer", which), unit = integer(c, "unit", which);
                int from = integer(c, "from", which), to = integer(c, "to", which);
                JsonNode v = c.get("value");
                if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue()))
                    throw bad(which + ": \"value\" must be a finite number, found " + (v == null ? "nothing" : shorten(v.toString())));
                if (layer < 0 || unit < 0 || from < 0)
                    throw bad(which + ": layer, unit and from must not be negative");
                if (to < from) throw bad(which + ": \"to\" (" + to + ") is before \"from\" (" + from + ")");
                out.add(new Intervention(kind, gate, layer, unit, from, to, v.doubleValue()));
            }
            return out;
        }

        private void checkKeys(JsonNode object, String what, Set<String> allowed) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k))
                    throw bad(what + " has an unknown entry " + UnknownTokenException.quote(shorten(k)));
            }
        }

        private int integer(JsonNode object, String key, String what) {
            JsonNode n = object.get(key);
            if (n == null || n.isNull()) throw bad(what + ": \"" + key + "\" is missing");
            if (!n.isIntegralNumber() || !n.canConvertToInt())
                throw bad(what + ": \"" + key + "\" must be a whole number, found " + shorten(n.toString()));
            return n.intValue();
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
