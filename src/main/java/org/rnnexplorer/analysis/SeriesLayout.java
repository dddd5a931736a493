package org.rnnexplorer.analysis;

import java.util.List;
import org.rnnexplorer.model.CellType;

/**
 * How the series of a model are numbered: layer by layer, within a layer quantity by quantity
 * ({@link Quantity#all}), within a quantity unit by unit. Series {@code s = (layer·Q + q)·H + unit}.
 * A 2-layer LSTM of 128 units has 2 · 6 · 128 = 1,536 series.
 */
public final class SeriesLayout {
    private final CellType cell;
    private final int layers;
    private final int units;
    private final List<Quantity> quantities;

    public SeriesLayout(CellType cell, int layers, int units) {
        if (layers < 1 || units < 1) throw new IllegalArgumentException("a layout needs a layer and a unit");
        this.cell = cell;
        this.layers = layers;
        this.units = units;
        this.quantities = List.copyOf(Quantity.all(cell));
    }

    public CellType cell() { return cell; }

    public int layers() { return layers; }

    public int units() { return units; }

    public List<Quantity> quantities() { return quantities; }

    /** The number of series: layers · quantities · units. */
    public int count() {
        return layers * quantities.size() * units;
    }

    /** The index of a series. */
    public int index(int layer, Quantity quantity, int unit) {
        int q = quantities.indexOf(quantity);
        if (q < 0) throw new IllegalArgumentException("a " + cell.id() + " has no quantity " + quantity.name());
        if (layer < 0 || layer >= layers || unit < 0 || unit >= units)
            throw new IllegalArgumentException("no unit " + unit + " in layer " + layer);
        return (layer * quantities.size() + q) * units + unit;
    }

    /** The series with this index. */
    public SeriesId id(int series) {
        int q = series / units % quantities.size();
        return new SeriesId(series / (units * quantities.size()), quantities.get(q), series % units);
    }
}
