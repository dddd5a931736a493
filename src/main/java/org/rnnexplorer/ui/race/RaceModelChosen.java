package org.rnnexplorer.ui.race;

import java.util.function.Supplier;
import org.rnnexplorer.ui.explorer.trace.Opening;

/**
 * Published when the user opens one of the race's models in the cell tab: {@code opening} (run off the JavaFX thread)
 * traces it over the race's input at the step shown.
 */
public record RaceModelChosen(Supplier<Opening> opening) {
}
