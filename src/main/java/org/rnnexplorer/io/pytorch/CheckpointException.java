package org.rnnexplorer.io.pytorch;

/**
 * Something in a checkpoint that cannot be read, said in one line without the file name; {@link CheckpointReader}
 * turns it into a {@link org.rnnexplorer.io.BadFileException} naming the file.
 */
class CheckpointException extends RuntimeException {
    CheckpointException(String problem) {
        super(problem);
    }

    CheckpointException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
