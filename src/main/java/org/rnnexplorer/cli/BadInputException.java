package org.rnnexplorer.cli;

/** A problem with what the user gave: reported as one line on stderr with exit code 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
