package org.rnnexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recovery files, version 1: the unsaved work of a window, kept so that the next start can offer it back after a
 * crash or a kill. Each part is a JSON object of its own, written and read by whoever owns that work (the session
 * part is a whole session file's object, the training part names the step it got to):
 *
 * <pre>{@code
 * { "format": "rnn-explorer-recovery", "version": 1, "savedAt": "2026-12-01T23:40:00Z", "pid": 4242,
 *   "parts": { "session": { "format": "rnn-explorer-session", ... },
 *              "training": { "step": 1200, ... } } }
 * }</pre>
 *
 * Writing is atomic ({@link AtomicFiles}): a kill during a write leaves the previous recovery whole. Reading is
 * strict: any problem is a {@link BadFileException} of one line naming the file.
 *
 * @param savedAt when it was written
 * @param pid     the process that wrote it
 * @param parts   each part's JSON object as text, by the part's key, in the order written
 */
public record RecoveryFile(Instant savedAt, long pid, Map<String, String> parts) {
    public static final String FORMAT = "rnn-explorer-recovery";
    public static final int VERSION = 1;
    /** A part's key: a short lower-case name ({@code session}, {@code training}, {@code lessons}). */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Set<String> KEYS = Set.of("format", "version", "savedAt", "pid", "parts");
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecoveryFile {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parts.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches())
                throw new IllegalArgumentException("recovery part key '" + Escaped.text(e.getKey()) + "' is not "
                        + KEY.pattern());
            copy.put(e.getKey(), e.getValue());
        }
        parts = Collections.unmodifiableMap(copy);
    }

    /** The file as JSON text. Every part must be a JSON object. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("savedAt", savedAt.toString());
        root.put("pid", pid);
        ObjectNode p = root.putObject("parts");
        for (Map.Entry<String, String> e : parts.entrySet()) {
            JsonNode part;
            try {
                part = JSON.readTree(e.getValue());
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("recovery part " + e.getKey() + " is not JSON: "
                        + ModelFileReader.describe(ex), ex);
            }
            if (part == null || !part.isObject())
                throw new IllegalArgumentException("recovery part " + e.getKey() + " is not a JSON object");
            p.set(e.getKey(), part);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes it to {@code file} atomically. */
    public void write(Path file) {
        AtomicFiles.writeString(file, toJson());
    }

    /** Reads the recovery file {@code file}. */
    public static RecoveryFile read(Path file) {
        return FileReads.read(file, "recovery", ModelFile.MAX_FILE_BYTES, "ModelFile.MAX_FILE_BYTES", (in, name) -> {
            JsonNode[] root = new JsonNode[1];
            JsonFileReading.read(in, name, ModelFile.MAX_FILE_BYTES, "recovery", "ModelFile.MAX_FILE_BYTES",
                    bytes -> root[0] = JSON.readTree(bytes));
            return of(root[0], name);
        });
    }

    private static RecoveryFile of(JsonNode root, String name) {
        if (root == null || root.isMissingNode()) throw new BadFileException(name, "the file is empty");
        if (!root.isObject()) throw new BadFileException(name, "expected a JSON object ({...}) at the top");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) throw new BadFileException(name, "unknown key '" + Escaped.text(k) + "'");
        }
        if (!FORMAT.equals(root.path("format").asText(null)))
            throw new BadFileException(name, "not a recovery file (\"format\" is not \"" + FORMAT + "\")");
        JsonNode v = root.path("version");
        if (!v.isInt() || v.asInt() != VERSION)
            throw new BadFileException(name, "recovery file version " + v + " is not " + VERSION);
        Instant saved;
        try {
            saved = Instant.parse(root.path("savedAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new BadFileException(name, "\"savedAt\" is not a time such as 2026-12-01T23:40:00Z");
        }
        JsonNode pid = root.path("pid");
        if (!pid.isIntegralNumber() || pid.asLong() < 0) throw new BadFileException(name, "\"pid\" is not a process id");
        JsonNode parts = root.path("parts");
        if (!parts.isObject()) throw new BadFileException(name, "\"parts\" is not a JSON object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KEY.matcher(e.getKey()).matches())
                throw new BadFileException(name, "part key '" + Escaped.text(e.getKey()) + "' is not a short lower-case name");
            if (!e.getValue().isObject()) throw new BadFileException(name, "part " + e.getKey() + " is not a JSON object");
            try {
                out.put(e.getKey(), JSON.writeValueAsString(e.getValue()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return new RecoveryFile(saved, pid.asLong(), out);
    }
}
