package org.rnnexplorer.train;

import org.rnnexplorer.model.CellType;

/**
 * Hears the progress of each run of a {@link Race}, on that run's own thread (so calls for different cells may come
 * at the same time): a chart hands the events to its own thread.
 */
@FunctionalInterface
public interface RaceListener {

    void onProgress(CellType cell, ProgressEvent event);

    RaceListener NONE = (cell, event) -> { };
}
