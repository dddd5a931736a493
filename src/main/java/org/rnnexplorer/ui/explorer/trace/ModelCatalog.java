package org.rnnexplorer.ui.explorer.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.data.ExampleText;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * The models the Model menu lists: those in {@code resources/models/index.json} (on the class path as
 * {@code /bundled/models/index.json}), then the demo models built in code.
 */
public final class ModelCatalog {
    static final String INDEX = "/bundled/models/index.json";
    static final String DEFAULT_EXAMPLE = ExampleText.SENTENCE;

    private ModelCatalog() {
    }

    /** Bundled models first (in index order), then the built-in demos. */
    public static List<ModelSource> all() {
        List<ModelSource> out = new ArrayList<>(bundled());
        out.addAll(DemoModels.entries());
        return out;
    }

    /**
     * The entries of the bundled index, the one marked {@code "default": true} first; empty if there is none or it
     * cannot be read. An entry's {@code example} is the text itself, or a text file named relative to the models
     * folder (e.g. {@code ../examples/brackets.txt}).
     */
    public static List<ModelSource.Bundled> bundled() {
        List<ModelSource.Bundled> out = new ArrayList<>();
        try (InputStream in = ModelCatalog.class.getResourceAsStream(INDEX)) {
            if (in == null) return out;
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode list = root.isArray() ? root : root.path("models");
            for (JsonNode n : list) {
                String file = n.path("file").asText(null);
                if (file == null) continue;
                String title = n.path("title").asText(file);
                String description = n.path("description").asText("");
                String example = n.hasNonNull("example") ? example(n.get("example").asText()) : null;
                CellType cell = n.hasNonNull("cell") ? CellType.fromId(n.get("cell").asText()) : null;
                ModelSource.Bundled e = new ModelSource.Bundled(file, title, description, example, cell);
                if (n.path("default").asBoolean(false)) out.add(0, e);
                else out.add(e);
            }
        } catch (IOException e) {
            // a broken index only hides the bundled models; the demos still open
        }
        return out;
    }

    /** The example text: read from the bundled file it names, or the value itself. */
    static String example(String value) {
        if (!value.endsWith(".txt")) return value;
        try {
            String text = resourceText(resourcePath(value));
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A bundled example text as it is, e.g. {@code brackets.txt} ({@code resources/examples/brackets.txt}). */
    public static String bundledText(String file) {
        return resourceText("/bundled/examples/" + file);
    }

    private static String resourceText(String resource) {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException(resource + ": not among the bundled files");
            return TextFile.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** A path relative to the bundled models folder as a class-path resource: "../examples/a.txt" → "/bundled/examples/a.txt". */
    static String resourcePath(String relative) {
        return java.net.URI.create("/bundled/models/").resolve(relative).normalize().getPath();
    }

    /** Reads {@code /bundled/models/FILE}. */
    public static RnnModel readBundled(String file) {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/bundled/models/" + file)) {
            if (in == null) throw new IllegalArgumentException(file + ": not found among the bundled models");
            return ModelFile.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bundled model a session names by its path ({@code models/brackets-lstm.json}), or null. */
    public static ModelSource.Bundled bundledAt(String path) {
        for (ModelSource.Bundled b : bundled()) if (b.path().equals(path)) return b;
        return null;
    }

    /** The input to open a model with: the entry's example, else the model's own ({@link ExampleText}). */
    public static String exampleFor(ModelSource source, RnnModel model) {
        return source.example() != null ? source.example() : ExampleText.of(model);
    }
}
