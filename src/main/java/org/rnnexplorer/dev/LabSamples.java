package org.rnnexplorer.dev;

import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;

/** The bundled models and example texts the panes open on when started alone, and the tests of the panes. */
public final class LabSamples {
    private LabSamples() {
    }

    /** A text encoded for a model: the ids and the tokens they stand for (tokens not in the vocabulary left out). */
    public record EncodedText(InputBatch input, List<String> tokens) {
    }

    /** A bundled model, e.g. {@code "brackets-lstm.json"}. */
    public static RnnModel bundledModel(String file) {
        return ModelCatalog.readBundled(file);
    }

    /** A bundled example text, e.g. {@code "brackets.txt"}. */
    public static String bundledText(String file) {
        return ModelCatalog.bundledText(file);
    }

    /** The first {@code maxTokens} known tokens of {@code text} for a token model. */
    public static EncodedText encode(RnnModel model, String text, int maxTokens) {
        if (!model.takesTokens()) throw new IllegalArgumentException("the model takes vectors, not text");
        TextEncoding encoding = TextEncoding.of(model);
        List<String> kept = new ArrayList<>();
        for (String s : encoding.split(text)) {
            if (kept.size() == maxTokens) break;
            if (encoding.vocabulary().contains(s)) kept.add(s);
        }
        if (kept.size() < 2) throw new IllegalArgumentException("the text has fewer than 2 tokens the model knows");
        return new EncodedText(InputBatch.ofTokens(encoding.encode(kept)), kept);
    }
}
