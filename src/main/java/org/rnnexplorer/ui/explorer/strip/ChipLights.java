package org.rnnexplorer.ui.explorer.strip;

import javafx.scene.paint.Color;

/** What lights a chip of the sequence strip under its predictions, by step; null for an unlit chip. */
@FunctionalInterface
public interface ChipLights {

    /**
     * A light: a short value on a colour.
     *
     * @param text   the value, e.g. "0.032"
     * @param colour behind it
     */
    record Light(String text, Color colour) {
    }

    Light at(int step);
}
