package org.rnnexplorer.io.pytorch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;

/**
 * A list of tokens (a vocabulary) or of class names, in id order, as the user gives it: a JSON list of strings, a
 * JSON object token → id (ids 0 to n−1, each once), or plain text with one token per line (taken as it is, spaces
 * included; the line break and the empty token cannot be written this way, use JSON for them), or a checkpoint that
 * holds one list of tokens (such as a pickled torchtext Vocab).
 */
public final class TokenListFile {
    static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenListFile() {
    }

    /** The tokens of {@code file}; a problem is a {@link BadFileException} naming it. */
    public static List<String> read(Path file) {
        if (!Files.isDirectory(file) && CheckpointImport.looksLikeCheckpoint(file)) return CheckpointImport.tokenList(file);
        String text;
        try {
            if (Files.isDirectory(file)) throw new BadFileException(file, "is a folder, not a list of tokens");
            if (Files.size(file) > MAX_BYTES) throw new BadFileException(file, "is over " + MAX_BYTES + " bytes");
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadFileException(file, "no such file");
        } catch (CharacterCodingException e) {
            throw new BadFileException(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw new BadFileException(file, "cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String trimmed = text.strip();
        boolean json = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        if (json || trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                return fromJson(file, JSON.readTree(text));
            } catch (JsonProcessingException e) {
                if (json) throw new BadFileException(file, "not valid JSON: " + e.getOriginalMessage().split("\\R", 2)[0]);
            }
        }
        return lines(file, text);
    }

    private static List<String> fromJson(Path file, JsonNode n) {
        List<String> tokens = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isTextual()) throw new BadFileException(file, "entry " + i + " is not a string");
                tokens.add(n.get(i).textValue());
            }
        } else if (n != null && n.isObject()) {
            String[] byId = new String[n.size()];
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode id = e.getValue();
                if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() >= byId.length)
                    throw new BadFileException(file, "the id of " + quote(e.getKey()) + " is " + id + "; ids run from 0 to "
                            + (byId.length - 1) + ", each once");
                int k = id.asInt();
                if (byId[k] != null)
                    throw new BadFileException(file, "id " + k + " is given to " + quote(byId[k]) + " and " + quote(e.getKey()));
                byId[k] = e.getKey();
            }
            tokens.addAll(List.of(byId));
        } else {
            throw new BadFileException(file, "expected a JSON list of strings or an object of token: id");
        }
        return checked(file, tokens, "entry");
    }

    private static List<String> lines(Path file, String text) {
        List<String> tokens = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isEmpty()) tokens.remove(tokens.size() - 1);
        return checked(file, tokens, "line");
    }

    private static List<String> checked(Path file, List<String> tokens, String unit) {
        if (tokens.isEmpty()) throw new BadFileException(file, "has no tokens");
        if (tokens.size() > ModelFile.MAX_VOCABULARY)
            throw new BadFileException(file, "has " + tokens.size() + " tokens; the limit is " + ModelFile.MAX_VOCABULARY);
        Map<String, Integer> seen = new HashMap<>();
        boolean lines = unit.equals("line");
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int shown = lines ? i + 1 : i;
            if (t.isEmpty())
                throw new BadFileException(file, unit + " " + shown + " is empty" + (lines ? " (a token per line; use a JSON list for the line break or an empty token)" : ""));
            Integer before = seen.putIfAbsent(t, shown);
            if (before != null) throw new BadFileException(file, quote(t) + " is there twice (" + unit + "s " + before + " and " + shown + ")");
        }
        return tokens;
    }

    private static String quote(String s) {
        return org.rnnexplorer.data.UnknownTokenException.quote(s.length() > 40 ? s.substring(0, 37) + "..." : s);
    }
}
