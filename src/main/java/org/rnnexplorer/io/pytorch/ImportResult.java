package org.rnnexplorer.io.pytorch;

import java.util.List;
import org.rnnexplorer.model.RnnModel;

/**
 * What reading a checkpoint gives: the model, or the question the user must answer first (its vocabulary, or which of
 * several candidates is a part).
 */
public sealed interface ImportResult {

    /**
     * The model, with what was found where ({@code rnn: lstm (nn.LSTM, ...)}, {@code embedding: ...}, notes), one
     * line each; the same is in the model's metadata under {@code source}.
     */
    record Imported(RnnModel model, List<String> found, boolean classesUnnamed) implements ImportResult {
        /** A model whose classes (if it is a classifier) have names. */
        public Imported(RnnModel model, List<String> found) {
            this(model, found, false);
        }
    }

    /**
     * A part has more than one candidate (two recurrent modules, two embeddings, two readouts, two vocabularies): the
     * user picks one, and the file is read again with {@link PartMap#with} (what {@code --map} does). Given only by
     * {@link CheckpointImport#readAsking}; {@link CheckpointImport#read} refuses with {@link #message()}.
     *
     * @param part       {@code rnn}, {@code embedding}, {@code head} or {@code vocab}, as {@code --map} names it
     * @param candidates what may be chosen, in the order found
     * @param message    the refusal in one line, without the file name
     */
    record Ambiguous(String part, List<Candidate> candidates, String message) implements ImportResult {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * One candidate for a part.
     *
     * @param name  the name {@code --map PART=NAME} takes ({@code rnn_b}, {@code emb.weight}, {@code fc}, {@code chars})
     * @param shown the name with what it is, for a list ("rnn_b (weight_hh_l0 [20, 5])")
     */
    record Candidate(String name, String shown) {
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
