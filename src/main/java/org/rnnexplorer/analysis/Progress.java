package org.rnnexplorer.analysis;

/**
 * Hears how far a long computation has come, on the thread that runs it (a window hands the numbers to its own
 * thread). {@code done} goes from 1 to {@code total}.
 */
@FunctionalInterface
public interface Progress {

    void update(long done, long total);

    Progress NONE = (done, total) -> { };
}
