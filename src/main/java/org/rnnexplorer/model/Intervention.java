package org.rnnexplorer.model;

/**
 * A what-if change to the forward pass: one unit of one layer is held at {@code value} over steps
 * {@code fromStep..toStep} (inclusive), whatever the cell would have computed. The clamped value is a constant, so no
 * gradient flows back through it. Ablating a unit is clamping its hidden value to 0 over every step.
 *
 * @param target   which quantity is clamped
 * @param gate     for {@link Target#GATE}: the block index in {@link CellType}'s gate order (ignored otherwise)
 * @param layer    layer index, 0 at the bottom
 * @param unit     unit index, 0..H-1
 * @param fromStep first step clamped
 * @param toStep   last step clamped (inclusive)
 * @param value    the value held
 */
public record Intervention(Target target, int gate, int layer, int unit, int fromStep, int toStep, double value) {

    /** What a clamp holds fixed. */
    public enum Target { GATE, HIDDEN, CELL }

    public Intervention {
        if (target == null) throw new IllegalArgumentException("intervention target is missing");
        if (unit < 0 || layer < 0) throw new IllegalArgumentException("negative layer or unit");
        if (fromStep > toStep) throw new IllegalArgumentException("fromStep > toStep");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("clamp value must be finite");
    }

    public static Intervention clampGate(int layer, int gate, int unit, int fromStep, int toStep, double value) {
        return new Intervention(Target.GATE, gate, layer, unit, fromStep, toStep, value);
    }

    public static Intervention clampHidden(int layer, int unit, int fromStep, int toStep, double value) {
        return new Intervention(Target.HIDDEN, -1, layer, unit, fromStep, toStep, value);
    }

    public static Intervention clampCell(int layer, int unit, int fromStep, int toStep, double value) {
        return new Intervention(Target.CELL, -1, layer, unit, fromStep, toStep, value);
    }

    /** Zero the unit's hidden value at every step. */
    public static Intervention ablate(int layer, int unit) {
        return clampHidden(layer, unit, 0, Integer.MAX_VALUE, 0.0);
    }

    public boolean covers(int step) {
        return step >= fromStep && step <= toStep;
    }
}
