package org.rnnexplorer.io.pytorch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints {@code tools/make_checkpoint_fixtures.py} made with PyTorch 1.13 (src/test/resources/checkpoints),
 * as listed in its {@code fixtures.json}: each with the options to import it and, when it imports, PyTorch's float64
 * outputs from the same weights.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** One entry of fixtures.json. */
    public record Fixture(JsonNode entry) {
        public String file() { return entry.get("file").asText(); }

        public Path path() { return dir().resolve(file()); }

        public boolean imports() { return entry.get("imports").asBoolean(); }

        public String says() { return entry.path("says").asText(null); }

        public Path vocab() { return option("vocab"); }

        public Path labels() { return option("labels"); }

        public String map() { return entry.path("map").asText(null); }

        public String marker() { return entry.path("marker").asText(null); }

        public List<String> labelsOut() {
            List<String> out = new ArrayList<>();
            entry.path("labelsOut").forEach(n -> out.add(n.asText()));
            return out.isEmpty() ? null : out;
        }

        private Path option(String key) {
            return entry.hasNonNull(key) ? dir().resolve(entry.get(key).asText()) : null;
        }

        /** PyTorch's outputs: {@code input} (text or vectors), {@code layers[l].h/c [T][H]}, {@code probabilities}. */
        public JsonNode expected() {
            try {
                return JSON.readTree(dir().resolve(entry.get("expected").asText()).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public ImportOptions options() {
            return ImportOptions.of(vocab(), labels(), map() == null ? PartMap.NONE : PartMap.parse(map()));
        }

        /** The command-line options that import it, e.g. {@code --vocab chars.txt --map rnn=rnn_b}. */
        public List<String> arguments() {
            List<String> args = new ArrayList<>();
            if (vocab() != null) args.addAll(List.of("--vocab", vocab().toString()));
            if (labels() != null) args.addAll(List.of("--labels", labels().toString()));
            if (map() != null) args.addAll(List.of("--map", map()));
            return args;
        }

        @Override
        public String toString() {
            return file() + (arguments().isEmpty() ? "" : " " + String.join(" ", arguments()).replace(dir() + "/", ""));
        }
    }

    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/checkpoints/fixtures.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Fixture> all() {
        try {
            List<Fixture> out = new ArrayList<>();
            JSON.readTree(dir().resolve("fixtures.json").toFile()).forEach(n -> out.add(new Fixture(n)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Fixture> importing() {
        return all().stream().filter(Fixture::imports).toList();
    }

    public static List<Fixture> refused() {
        return all().stream().filter(f -> !f.imports()).toList();
    }
}
