package org.rnnexplorer.ui;

import java.util.function.Supplier;
import org.rnnexplorer.model.RnnModel;

/**
 * A model the Model menu offers: a bundled file, a file from disk, or one built in code.
 *
 * @param title       the menu text, e.g. "LSTM — brackets"
 * @param description one or two sentences for the status line
 * @param source      where it comes from, shown in the window ("bundled: lstm-brackets.json", a path)
 * @param example     the input the window opens with
 * @param cell        "rnn", "lstm" or "gru" when the index says so (else null)
 * @param loader      reads or builds the model (may throw a one-line {@link RuntimeException})
 */
public record ModelEntry(String title, String description, String source, String example, String cell,
                         Supplier<RnnModel> loader) {
    @Override
    public String toString() {
        return title;
    }
}
