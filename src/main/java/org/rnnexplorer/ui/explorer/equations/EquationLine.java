package org.rnnexplorer.ui.explorer.equations;

/**
 * One equation of the cell, with the selected unit's numbers at the current step substituted.
 *
 * @param name     what the deck calls it ("Forget gate")
 * @param formula  the symbolic form, as on the slides
 * @param numbers  the same right-hand side with numbers, ending in the value
 * @param value    the value the line computes
 */
public record EquationLine(String name, String formula, String numbers, double value) {
}
