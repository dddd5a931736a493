package org.rnnexplorer.ui.connect;

/**
 * The ways to connect a time series, as the deck's last slide draws them: which steps of the unrolled chain take an
 * input and which give an output, and the bundled model that does it live.
 *
 * @param title       "one-to-many"
 * @param steps       the steps drawn
 * @param inputs      which steps take an input
 * @param outputs     which steps give an output
 * @param says        one sentence on the pattern and its example
 * @param model       the bundled model's path ({@code models/recall-lstm.json})
 * @param text        the input to open it on, or null for the model's example
 * @param step        the step to show (from 0; −1: the last)
 */
record Connection(String title, int steps, boolean[] inputs, boolean[] outputs, String says, String model, String text,
                  int step) {

    static final Connection ONE_TO_ONE = new Connection("one-to-one", 1, new boolean[] {true}, new boolean[] {true},
            "One input, one output: no sequence, the feed-forward case. Live: the bracket LSTM reads one character, '(',"
                    + " and classifies what comes next.", "models/brackets-lstm.json", "(", 0);
    static final Connection ONE_TO_MANY = new Connection("one-to-many", 5, new boolean[] {true, false, false, false, false},
            new boolean[] {true, true, true, true, true},
            "A prompt in, a series out: after 16 values the sine LSTM reads only zeros and continues the series alone,"
                    + " carried by its hidden state.", "models/sine-one-to-many-lstm.json", null, 16);
    static final Connection MANY_TO_ONE = new Connection("many-to-one", 5, new boolean[] {true, true, true, true, true},
            new boolean[] {false, false, false, false, true},
            "A sequence in, one answer at the end (a classifier): the recall LSTM reads a symbol and 40 digits, then"
                    + " names the symbol.", "models/recall-lstm.json", null, -1);
    static final Connection MANY_TO_MANY = new Connection("many-to-many", 5, new boolean[] {true, true, true, true, true},
            new boolean[] {true, true, true, true, true},
            "An output at every step: the text LSTM predicts the next character after each one it reads.",
            "models/brackets-lstm.json", null, 0);

    static final Connection[] ALL = {ONE_TO_ONE, ONE_TO_MANY, MANY_TO_ONE, MANY_TO_MANY};

    /** The id of the pattern's link ("connect-one-to-many"). */
    String id() {
        return "connect-" + title;
    }
}
