package org.rnnexplorer.data.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.Vocabulary;

/**
 * A language model on any text: next-token prediction at every step, on windows of the text drawn at random
 * positions. Character models (code points) take the text's own characters as vocabulary; word models (punctuation
 * as tokens) add {@value Vocabulary#UNKNOWN}, so words the text never had can still be typed in later.
 */
public final class TextTask implements Task {
    private final String source;
    private final int[] ids;
    private final int length;
    private final Tokenizer tokenizer;
    private final TaskShape shape;

    /**
     * @param source names the text in messages (a file name)
     * @param length tokens per window; shortened to fit a short text
     */
    public TextTask(String text, Tokenizer tokenizer, int length, String source) {
        if (length < 1) throw new IllegalArgumentException("--length must be at least 1, got " + length);
        this.source = source;
        this.tokenizer = tokenizer;
        List<String> tokens = tokenizer.split(text);
        if (tokens.size() < 2)
            throw new IllegalArgumentException(source + ": the text has " + tokens.size() + " " + tokenizer.id()
                    + " token" + (tokens.size() == 1 ? "" : "s") + "; a language model needs at least 2");
        Vocabulary v = Vocabulary.fromText(text, tokenizer);
        List<String> vocab = new ArrayList<>(v.tokens());
        if (tokenizer.id().equals("word") && !v.hasUnknown()) vocab.add(Vocabulary.UNKNOWN);
        this.ids = Vocabulary.of(vocab).encode(tokens);
        this.length = Math.min(length, tokens.size() - 1);
        this.shape = TaskShape.tokens(vocab, tokenizer.id());
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String describe() {
        return "next " + tokenizer.id() + " of " + source + " (" + ids.length + " tokens, vocabulary "
                + shape.vocabulary().size() + "), windows of " + length;
    }

    @Override
    public TaskShape shape() {
        return shape;
    }

    public int length() {
        return length;
    }

    @Override
    public TaskBatch sample(Random random, int batch) {
        int[][] x = new int[batch][length], y = new int[batch][length];
        int starts = ids.length - length; // windows of length + 1 tokens fit at 0 .. starts − 1
        for (int b = 0; b < batch; b++) {
            int s = random.nextInt(starts);
            System.arraycopy(ids, s, x[b], 0, length);
            System.arraycopy(ids, s + 1, y[b], 0, length);
        }
        return TaskBatch.ofTokens(x, y);
    }

    @Override
    public Goal goal() {
        return Goal.accuracyAtLeast(0.5);
    }
}
