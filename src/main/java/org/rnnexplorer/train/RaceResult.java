package org.rnnexplorer.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnexplorer.model.CellType;

/**
 * How a race ended: each cell's result (in the race's order) and the wall-clock seconds from the start until the last
 * run finished.
 *
 * @param parallel whether the runs went at the same time (each on its own thread) or one after another
 */
public record RaceResult(Map<CellType, TrainingResult> results, double seconds, boolean parallel) {

    public RaceResult {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public TrainingResult of(CellType cell) {
        return results.get(cell);
    }
}
