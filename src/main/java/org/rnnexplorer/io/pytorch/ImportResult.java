package org.rnnexplorer.io.pytorch;

import java.util.List;
import org.rnnexplorer.model.RnnModel;

/** What reading a checkpoint gives: the model, or the question the user must answer first (its vocabulary). */
public sealed interface ImportResult {

    /**
     * The model, with what was found where ({@code rnn: lstm (nn.LSTM, ...)}, {@code embedding: ...}, notes), one
     * line each; the same is in the model's metadata under {@code source}.
     */
    record Imported(RnnModel model, List<String> found) implements ImportResult {
    }

    /**
     * The model reads tokens through an embedding of {@code size} rows, and no list of {@code size} tokens was found
     * in the checkpoint or given: ask for one and read again with {@link ImportOptions#withVocabulary}.
     *
     * @param embedding  the embedding's name
     * @param nearMisses lists of tokens found whose size is close but not equal ("config.letters (57 tokens)")
     */
    record NeedsVocabulary(int size, String embedding, List<String> nearMisses) implements ImportResult {
        /** The problem in one line, without the file name, saying what to give. */
        public String message() {
            return "no vocabulary of " + size + " tokens found in the checkpoint (the embedding " + embedding + " has "
                    + size + " rows); give --vocab FILE (a JSON list, a JSON object token->id, or one token per line;"
                    + " char-rnn models often used Python's string.printable)"
                    + (nearMisses.isEmpty() ? "" : "; found lists of other sizes: " + String.join(", ", nearMisses));
        }
    }
}
