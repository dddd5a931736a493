package org.rnnexplorer.io.pytorch;

import java.util.List;

/**
 * More than one candidate for a part of the model ({@code rnn}, {@code embedding}, {@code head}, {@code vocab}): the
 * one-line refusal, with the candidates by the names {@code --map PART=NAME} takes, so the window can list them.
 */
final class AmbiguousPart extends CheckpointException {
    final String part;
    final List<ImportResult.Candidate> candidates;

    AmbiguousPart(String part, List<ImportResult.Candidate> candidates, String problem) {
        super(problem);
        this.part = part;
        this.candidates = List.copyOf(candidates);
    }
}
