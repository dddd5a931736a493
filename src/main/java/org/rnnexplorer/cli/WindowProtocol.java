package org.rnnexplorer.cli;

import java.util.function.Consumer;

/**
 * A bench protocol that runs the window ({@code fx-responsiveness}): {@code cli} may not import the window's layer
 * or JavaFX, so the launcher plugs the protocol in ({@link BenchCommand#plugIn}) and {@code bench} only calls it.
 */
@FunctionalInterface
public interface WindowProtocol {
    /**
     * Runs the protocol over an input of {@code steps} steps, handing each JSON line to {@code print}; returns the
     * exit code. A problem the user can fix is a {@link BadInputException}.
     */
    int run(int steps, Consumer<String> print);
}
