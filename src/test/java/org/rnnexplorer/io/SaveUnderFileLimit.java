package org.rnnexplorer.io;

import java.nio.file.Path;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/**
 * Run in a child process by {@link InterruptedSaveTest} under a file-size limit ({@code ulimit -f}): saves a model or
 * a session of about 200 KB as the app does; a failed save prints its one-line message and exits with 2.
 */
public final class SaveUnderFileLimit {
    private SaveUnderFileLimit() {
    }

    static RnnModel bigModel() {
        return ModelFileTest.randomModel(CellType.LSTM, 2, 24, true, true, 6, 5);
    }

    public static void main(String[] args) {
        Path target = Path.of(args[1]);
        try {
            if (args[0].equals("model")) ModelFile.write(bigModel(), target);
            else SessionFile.write(Session.ofText(bigModel(), "abcabc"), target, SessionFileTest.NONE);
        } catch (BadFileException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
