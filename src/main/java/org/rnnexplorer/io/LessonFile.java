package org.rnnexplorer.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.rnnexplorer.model.RnnModel;

/**
 * Lesson files, version 1 ({@code *.lesson.json}): a {@link Lesson} as one JSON object.
 *
 * <pre>{@code
 * { "format": "rnn-explorer-lesson", "version": 1, "title": "RNN, LSTM, GRU",
 *   "slides": [
 *     { "caption": "The forget gate of unit {unit} is {f} at '{token}'",   // CaptionTemplate: live numbers
 *       "view": { "bundledModel": { "path": "models/recall-lstm.json" },  // or "model": { ...a model file... }
 *                 "input": { "text": "f2601..." },                         // or { "series": [[...], ...] }
 *                 "selection": { "layer": 0, "unit": 3, "step": 5 },
 *                 "sliders": { ... }, "clamps": [ ... ],                   // as in a session file
 *                 "tab": "cell-tab", "panel": "equations", "showWhatIf": false },
 *       "highlight": { "part": "forget", "unit": 3, "steps": [0, 40] },   // each optional
 *       "autoPlay": { "stepsPerSecond": 4, "toStep": 40 } } ] }
 * }</pre>
 *
 * A view is a session ({@link SessionFile}'s parts, read by it) plus the tab and side panel in front. Unlike a
 * session, a bundled model goes by its path alone (a {@code sha256} beside it is checked when present): a lesson
 * shows whatever that bundled model is in this version of the app, and its captions' numbers are live. Writing is
 * atomic; reading checks the whole file (every slide, every caption's placeholders against its model) before a
 * lesson is returned, and any problem, an unknown key or a newer version is a {@link BadFileException} of one line
 * naming the file (and the slide, from 1).
 */
public final class LessonFile {
    public static final String FORMAT = "rnn-explorer-lesson";
    /** The version this code writes, and the newest it reads. */
    public static final int VERSION = 1;
    public static final long MAX_FILE_BYTES = SessionFile.MAX_FILE_BYTES;

    private static final Set<String> KEYS = Set.of("format", "version", "title", "slides");
    private static final Set<String> SLIDE_KEYS = Set.of("caption", "view", "highlight", "autoPlay");
    private static final Set<String> VIEW_KEYS = Set.of("model", "bundledModel", "openedFrom", "input", "selection",
            "sliders", "clamps", "tab", "panel", "showWhatIf");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LessonFile() {
    }

    // ---------------------------------------------------------------- writing

    public static void write(Lesson lesson, Path file) {
        write(lesson, file, SessionFile.BundledModels.CLASS_PATH);
    }

    /** Writes {@code lesson} to {@code file} atomically. */
    public static void write(Lesson lesson, Path file, SessionFile.BundledModels bundled) {
        String json = toJson(lesson, bundled);
        AtomicFiles.writeText(file, w -> w.write(json));
    }

    /** The lesson as the JSON text {@link #write} writes. */
    public static String toJson(Lesson lesson, SessionFile.BundledModels bundled) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", lesson.title());
        ArrayNode slides = root.putArray("slides");
        for (LessonSlide s : lesson.slides()) slides.add(slide(s, bundled));
        try {
            return JSON.writer(new RowsOnOneLine()).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects and lists of objects indented, lists of numbers on one line (a model's rows stay readable). */
    private static final class RowsOnOneLine extends DefaultPrettyPrinter {
        RowsOnOneLine() {
            _arrayIndenter = DefaultPrettyPrinter.NopIndenter.instance;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new RowsOnOneLine();
        }
    }

    private static ObjectNode slide(LessonSlide s, SessionFile.BundledModels bundled) {
        ObjectNode n = JSON.createObjectNode();
        n.put("caption", s.caption());
        ObjectNode view;
        try {
            view = (ObjectNode) JSON.readTree(SessionFile.toJson(s.view().session(), bundled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        view.remove("format");
        view.remove("version");
        if (view.get("bundledModel") instanceof ObjectNode ref) ref.remove("sha256");
        view.put("tab", s.view().tab());
        if (s.view().panel() != null) view.put("panel", s.view().panel());
        view.put("showWhatIf", s.view().showWhatIf());
        n.set("view", view);
        LessonSlide.Highlight h = s.highlight();
        if (h != null) {
            ObjectNode hn = n.putObject("highlight");
            if (h.part() != null) hn.put("part", h.part());
            if (h.unit() != null) hn.put("unit", h.unit());
            if (h.fromStep() != null) hn.putArray("steps").add(h.fromStep()).add(h.toStep());
        }
        if (s.autoPlay() != null)
            n.putObject("autoPlay").put("stepsPerSecond", s.autoPlay().stepsPerSecond()).put("toStep", s.autoPlay().toStep());
        return n;
    }

    // ---------------------------------------------------------------- reading

    public static Lesson read(Path file) {
        return read(file, SessionFile.BundledModels.CLASS_PATH);
    }

    public static Lesson read(Path file, SessionFile.BundledModels bundled) {
        return FileReads.read(file, "lesson", MAX_FILE_BYTES, "LessonFile.MAX_FILE_BYTES",
                (in, name) -> read(in, name, bundled));
    }

    /** Reads a lesson from {@code in} (not closed); {@code name} names it in messages. */
    public static Lesson read(InputStream in, String name, SessionFile.BundledModels bundled) {
        JsonNode[] root = new JsonNode[1];
        JsonFileReading.read(in, name, MAX_FILE_BYTES, "lesson", "LessonFile.MAX_FILE_BYTES",
                bytes -> root[0] = JSON.readTree(bytes));
        return new Reading(name, bundled).lesson(root[0]);
    }

    public static Lesson fromJson(String json, String name, SessionFile.BundledModels bundled) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name, bundled);
    }

    private static final class Reading {
        private final String name;
        private final SessionFile.BundledModels bundled;
        private String where = "";

        Reading(String name, SessionFile.BundledModels bundled) {
            this.name = name;
            this.bundled = bundled;
        }

        private BadFileException bad(String problem) {
            return new BadFileException(name, where + problem);
        }

        Lesson lesson(JsonNode root) {
            if (root == null || root.isMissingNode()) throw bad("the file is empty");
            if (!root.isObject()) throw bad("expected a JSON object ({...}) at the top, found " + kind(root));
            checkFormatAndVersion(root);
            checkKeys(root, "the lesson", KEYS);
            JsonNode title = root.get("title");
            if (title != null && !title.isTextual()) throw bad("\"title\" must be a string, found " + kind(title));
            JsonNode slides = root.get("slides");
            if (slides == null || !slides.isArray()) throw bad("\"slides\" must be a list of slides");
            if (slides.size() > Lesson.MAX_SLIDES)
                throw bad("\"slides\" has " + slides.size() + " entries; the limit is " + Lesson.MAX_SLIDES);
            List<LessonSlide> out = new ArrayList<>();
            for (int k = 0; k < slides.size(); k++) {
                where = "slide " + (k + 1) + ": ";
                out.add(slide(slides.get(k)));
            }
            where = "";
            try {
                return new Lesson(title == null ? "" : title.textValue(), out);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private void checkFormatAndVersion(JsonNode root) {
            JsonNode format = root.get("format");
            if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
                if (format != null && format.isTextual() && format.textValue().equals(SessionFile.FORMAT))
                    throw bad("is a session file, not a lesson file (open it as a session)");
                if (format != null && format.isTextual() && format.textValue().equals(ModelFile.FORMAT))
                    throw bad("is a model file, not a lesson file (open it as a model)");
                throw bad("not an RNN Explorer lesson file (" + (format == null ? "no \"format\"" : "\"format\" is "
                        + shorten(format.toString())) + ", expected \"" + FORMAT + "\")");
            }
            JsonNode v = root.get("version");
            if (v == null || v.isNull()) throw bad("\"version\" is missing");
            if (!v.isIntegralNumber() || !v.canConvertToInt())
                throw bad("\"version\" must be a whole number, found " + shorten(v.toString()));
            if (v.intValue() > VERSION)
                throw bad("written by a newer RNN Explorer (lesson version " + v.intValue() + "); this one reads version " + VERSION);
            if (v.intValue() < 1) throw bad("unknown version " + v.intValue() + "; this one reads version " + VERSION);
        }

        private LessonSlide slide(JsonNode n) {
            if (!n.isObject()) throw bad("must be an object with caption and view, found " + kind(n));
            checkKeys(n, "the slide", SLIDE_KEYS);
            JsonNode caption = n.get("caption");
            if (caption != null && !caption.isTextual()) throw bad("\"caption\" must be a string, found " + kind(caption));
            JsonNode view = n.get("view");
            if (view == null || !view.isObject()) throw bad("\"view\" must be an object (a model, an input, a selection)");
            SavedView v = view((ObjectNode) view);
            LessonSlide.Highlight h = highlight(n.get("highlight"));
            LessonSlide.AutoPlay a = autoPlay(n.get("autoPlay"));
            try {
                return new LessonSlide(v, caption == null ? "" : caption.textValue(), h, a);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private SavedView view(ObjectNode view) {
            checkKeys(view, "\"view\"", VIEW_KEYS);
            ObjectNode session = view.deepCopy();
            session.remove(List.of("tab", "panel", "showWhatIf"));
            ObjectNode withHeader = JSON.createObjectNode().put("format", SessionFile.FORMAT).put("version", SessionFile.VERSION);
            withHeader.setAll(session);
            if (withHeader.get("bundledModel") instanceof ObjectNode ref && !ref.has("sha256") && ref.path("path").isTextual())
                ref.put("sha256", bundledFingerprint(ref.get("path").textValue()));
            Session s;
            try {
                s = SessionFile.fromJson(JSON.writeValueAsString(withHeader), name, bundled);
            } catch (BadFileException e) {
                throw bad(e.problem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String tab = id(view.get("tab"), "\"tab\"");
            String panel = id(view.get("panel"), "\"panel\"");
            JsonNode w = view.get("showWhatIf");
            if (w != null && !w.isBoolean()) throw bad("\"showWhatIf\" must be true or false, found " + kind(w));
            return new SavedView(s, tab, panel, w != null && w.booleanValue());
        }

        /** The SHA-256 of the bundled model now, so that SessionFile accepts a reference by path alone. */
        private String bundledFingerprint(String path) {
            if (!SessionFile.isBundledPath(path)) return "0".repeat(64); // SessionFile names the bad path
            RnnModel m;
            try (InputStream in = bundled.open(path)) {
                m = in == null ? null : ModelFile.read(in, path);
            } catch (IOException e) {
                throw bad("cannot read the bundled model " + path + ": " + e.getMessage());
            } catch (BadFileException e) {
                throw bad("the bundled model is unreadable: " + e.getMessage());
            }
            if (m == null) throw bad("the bundled model " + path + " is not in this RNN Explorer");
            return SessionFile.fingerprint(m);
        }

        private String id(JsonNode n, String what) {
            if (n == null || n.isNull()) return null;
            if (!n.isTextual() || !SavedView.isId(n.textValue()))
                throw bad(what + " must be an id of lower-case letters, digits and -, found " + shorten(n.toString()));
            return n.textValue();
        }

        private LessonSlide.Highlight highlight(JsonNode n) {
            if (n == null || n.isNull()) return null;
            if (!n.isObject()) throw bad("\"highlight\" must be an object with part, unit or steps, found " + kind(n));
            checkKeys(n, "\"highlight\"", Set.of("part", "unit", "steps"));
            JsonNode part = n.get("part");
            if (part != null && !part.isTextual()) throw bad("\"highlight\".\"part\" must be a string, found " + kind(part));
            Integer unit = n.has("unit") ? integer(n.get("unit"), "\"highlight\".\"unit\"") : null;
            Integer from = null, to = null;
            JsonNode steps = n.get("steps");
            if (steps != null) {
                if (!steps.isArray() || steps.size() != 2)
                    throw bad("\"highlight\".\"steps\" must be [first, last], found " + shorten(steps.toString()));
                from = integer(steps.get(0), "\"highlight\".\"steps\"[0]");
                to = integer(steps.get(1), "\"highlight\".\"steps\"[1]");
            }
            try {
                return new LessonSlide.Highlight(part == null ? null : part.textValue(), unit, from, to);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private LessonSlide.AutoPlay autoPlay(JsonNode n) {
            if (n == null || n.isNull()) return null;
            if (!n.isObject()) throw bad("\"autoPlay\" must be an object with stepsPerSecond and toStep, found " + kind(n));
            checkKeys(n, "\"autoPlay\"", Set.of("stepsPerSecond", "toStep"));
            JsonNode sps = n.get("stepsPerSecond");
            if (sps == null || !sps.isNumber()) throw bad("\"autoPlay\".\"stepsPerSecond\" must be a number");
            int to = integer(n.get("toStep"), "\"autoPlay\".\"toStep\"");
            try {
                return new LessonSlide.AutoPlay(sps.doubleValue(), to);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private int integer(JsonNode n, String what) {
            if (n == null || n.isNull()) throw bad(what + " is missing");
            if (!n.isIntegralNumber() || !n.canConvertToInt())
                throw bad(what + " must be a whole number, found " + shorten(n.toString()));
            return n.intValue();
        }

        private void checkKeys(JsonNode object, String what, Set<String> allowed) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k))
                    throw bad(what + " has an unknown entry \"" + shorten(k) + "\" (expected " + String.join(", ",
                            allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> shorten(n.toString());
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
