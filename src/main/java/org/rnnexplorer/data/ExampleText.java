package org.rnnexplorer.data;

import java.util.List;
import java.util.Locale;
import org.rnnexplorer.model.RnnModel;

/**
 * The input a model is first shown with when nothing names one: the example its file keeps, else a sentence when its
 * vocabulary has the letters for one, else its first tokens; for numeric input 24 rows of sin(0.5·t + j). The
 * window opens models on it, and {@code bench --protocol open} traces it as the window does.
 */
public final class ExampleText {
    /** The sentence of a model whose vocabulary has "e", "t" and the space. */
    public static final String SENTENCE = "The forget gate (and the input gate) decide.";

    private ExampleText() {
    }

    public static String of(RnnModel model) {
        Object ex = model.metadata().get("example");
        if (ex != null) return ex.toString();
        if (!model.takesTokens()) return numeric(model.inputSize());
        List<String> vocab = model.vocabulary();
        if (vocab.contains("e") && vocab.contains(" ") && vocab.contains("t")) return SENTENCE;
        StringBuilder sb = new StringBuilder();
        String sep = "word".equals(model.tokenizer()) ? " " : "";
        for (int i = 0; i < Math.min(16, vocab.size()); i++) {
            String tok = vocab.get(i);
            if (tok.startsWith("<")) continue;
            if (sb.length() > 0) sb.append(sep);
            sb.append(tok);
        }
        return sb.toString();
    }

    private static String numeric(int d) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < 24; t++) {
            for (int j = 0; j < d; j++) {
                if (j > 0) sb.append(", ");
                sb.append(String.format(Locale.ROOT, "%.2f", Math.sin(0.5 * t + j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
