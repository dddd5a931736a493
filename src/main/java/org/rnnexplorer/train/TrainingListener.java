package org.rnnexplorer.train;

/** Receives progress events on the training thread; a listener that wants to stop the run calls {@link Trainer#cancel()}. */
@FunctionalInterface
public interface TrainingListener {

    void onProgress(ProgressEvent event);

    TrainingListener NONE = e -> { };
}
