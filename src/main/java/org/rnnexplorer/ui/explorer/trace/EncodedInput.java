package org.rnnexplorer.ui.explorer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnexplorer.data.TextEncoding;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.common.TokenLabels;

/**
 * The text of the input editor as the model sees it: the tokens that became steps, their ids, and the pieces of the
 * text the model cannot read. A token missing from the vocabulary is not fatal: it becomes {@code <unk>} when the
 * vocabulary has one, else it is skipped; either way it is listed in {@link #unknowns()} so the window can mark it.
 * For a model with numeric input each non-empty line is one step of comma- or space-separated numbers.
 *
 * @param tokens   the label of each step (a token, or the numbers of a row)
 * @param ids      token ids, one per step (null for numeric input)
 * @param vectors  numeric rows, one per step (null for token input)
 * @param unknowns what could not be read, in text order
 */
public record EncodedInput(List<String> tokens, int[] ids, double[][] vectors, List<Unknown> unknowns) {

    /**
     * A token the vocabulary lacks, or a line that is not a row of numbers.
     *
     * @param text     the token or line as typed
     * @param position its index among the tokens (or lines) of the text
     * @param fedAsUnk whether it entered the model as {@code <unk>}
     */
    public record Unknown(String text, int position, boolean fedAsUnk) {
    }

    public int steps() {
        return tokens.size();
    }

    public InputBatch batch() {
        return ids != null ? InputBatch.ofTokens(ids) : InputBatch.ofVectors(vectors);
    }

    /** Encodes {@code text} for {@code model}. */
    public static EncodedInput of(RnnModel model, String text) {
        return model.takesTokens() ? tokens(model, text) : numbers(model, text);
    }

    private static EncodedInput tokens(RnnModel model, String text) {
        List<String> pieces = TextEncoding.tokenizerOf(model).split(text);
        Vocabulary vocabulary = model.vocabulary().isEmpty() ? null : TextEncoding.of(model).vocabulary();
        int unk = vocabulary == null ? -1 : vocabulary.indexOf(Vocabulary.UNKNOWN);
        List<String> fed = new ArrayList<>();
        int[] ids = new int[pieces.size()];
        int n = 0;
        List<Unknown> unknowns = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            String s = pieces.get(p);
            int id = vocabulary == null ? -1 : vocabulary.indexOf(s);
            if (id < 0) {
                unknowns.add(new Unknown(s, p, unk >= 0));
                if (unk < 0) continue;
                id = unk;
            }
            ids[n++] = id;
            fed.add(s);
        }
        return new EncodedInput(List.copyOf(fed), java.util.Arrays.copyOf(ids, n), null, List.copyOf(unknowns));
    }

    private static EncodedInput numbers(RnnModel model, String text) {
        int d = model.inputSize();
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li].trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("[,;\\s]+");
            double[] row = new double[d];
            boolean ok = parts.length == d;
            for (int j = 0; ok && j < d; j++) {
                try {
                    row[j] = Double.parseDouble(parts[j]);
                    ok = Double.isFinite(row[j]);
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                unknowns.add(new Unknown(line, li, false));
                continue;
            }
            rows.add(row);
            labels.add(d == 1 ? String.format(Locale.ROOT, "%.2f", row[0]) : "x" + rows.size());
        }
        return new EncodedInput(List.copyOf(labels), null, rows.toArray(new double[0][]), List.copyOf(unknowns));
    }

    /** One line for the window: "2 characters not in the vocabulary, skipped: 'z' (at 4), 'x' (at 9)". */
    public String unknownSummary(boolean wordTokens, boolean numeric) {
        if (unknowns.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        String what = numeric ? (unknowns.size() == 1 ? "line is not" : "lines are not")
                : wordTokens ? (unknowns.size() == 1 ? "word is not" : "words are not")
                : (unknowns.size() == 1 ? "character is not" : "characters are not");
        sb.append(unknowns.size()).append(' ').append(what);
        sb.append(numeric ? " rows of numbers, skipped: " : unknowns.get(0).fedAsUnk()
                ? " in the vocabulary, fed as <unk>: " : " in the vocabulary, skipped: ");
        int shown = Math.min(5, unknowns.size());
        for (int i = 0; i < shown; i++) {
            Unknown u = unknowns.get(i);
            if (i > 0) sb.append(", ");
            sb.append('\'').append(TokenLabels.visible(u.text())).append("' (at ").append(u.position() + 1).append(')');
        }
        if (unknowns.size() > shown) sb.append(", …");
        return sb.toString();
    }
}
