package org.rnnexplorer.io.pytorch;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user adds to a checkpoint: a vocabulary ({@code --vocab}), the names of a classifier's classes
 * ({@code --labels}) and where the parts are ({@code --map}); each may be absent.
 *
 * @param vocabulary       tokens in id order, or null to look in the checkpoint
 * @param vocabularySource where they came from, for the model file ("vocab.txt", "string.printable")
 * @param labels           class names in output order, or null
 * @param labelsSource     where they came from
 */
public record ImportOptions(List<String> vocabulary, String vocabularySource, List<String> labels, String labelsSource,
                            PartMap map) {
    public static final ImportOptions NONE = new ImportOptions(null, null, null, null, PartMap.NONE);

    public ImportOptions {
        vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
        labels = labels == null ? null : List.copyOf(labels);
        map = map == null ? PartMap.NONE : map;
    }

    /** The options of the command line: files for {@code --vocab} and {@code --labels} (each may be null). */
    public static ImportOptions of(Path vocabulary, Path labels, PartMap map) {
        return new ImportOptions(vocabulary == null ? null : TokenListFile.read(vocabulary),
                vocabulary == null ? null : vocabulary.getFileName().toString(),
                labels == null ? null : TokenListFile.read(labels), labels == null ? null : labels.getFileName().toString(), map);
    }

    /** These options with {@code names} as the classes' names (what the window does after asking). */
    public ImportOptions withLabels(List<String> names, String source) {
        return new ImportOptions(vocabulary, vocabularySource, names, source, map);
    }

    /** These options with {@code part} found at {@code name} (the window's answer to {@link ImportResult.Ambiguous}). */
    public ImportOptions withPart(String part, String name) {
        return new ImportOptions(vocabulary, vocabularySource, labels, labelsSource, map.with(part, name));
    }

    /** These options with {@code tokens} as the vocabulary (what the window does after asking). */
    public ImportOptions withVocabulary(List<String> tokens, String source) {
        return new ImportOptions(tokens, source, labels, labelsSource, map);
    }
}
