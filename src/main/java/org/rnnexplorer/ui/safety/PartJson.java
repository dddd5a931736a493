package org.rnnexplorer.ui.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The JSON of a recovery part: an object built or read key by key, every problem an IllegalArgumentException. */
final class PartJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private PartJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Puts a whole JSON document (a model file's text, a session file's text) under {@code key}. */
    static void putDocument(ObjectNode o, String key, String json) {
        o.set(key, parse(json));
    }

    static String text(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) throw new IllegalArgumentException("the part is not a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the part is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The member {@code key} of {@code o}, which must be there. */
    static JsonNode member(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) throw new IllegalArgumentException("the part has no \"" + key + "\"");
        return n;
    }

    static int nonNegativeInt(JsonNode o, String key) {
        JsonNode n = member(o, key);
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0)
            throw new IllegalArgumentException("\"" + key + "\" is not a whole number ≥ 0");
        return n.asInt();
    }

    static String string(JsonNode o, String key) {
        JsonNode n = member(o, key);
        if (!n.isTextual()) throw new IllegalArgumentException("\"" + key + "\" is not a string");
        return n.asText();
    }

    /** The document under {@code key} as JSON text. */
    static String document(JsonNode o, String key) {
        JsonNode n = member(o, key);
        if (!n.isObject()) throw new IllegalArgumentException("\"" + key + "\" is not a JSON object");
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
