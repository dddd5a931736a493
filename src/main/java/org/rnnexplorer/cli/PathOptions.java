package org.rnnexplorer.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.rnnexplorer.io.Escaped;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The paths of the commands' options: how they are read (an empty path names nothing; a file's path must not end in
 * a separator, which names a folder) and the check that no output is also an input or another output.
 */
final class PathOptions {
    private PathOptions() {
    }

    /** A file option (every {@code Path} option unless it says otherwise). */
    static final class FilePath implements ITypeConverter<Path> {
        @Override
        public Path convert(String s) {
            Path p = folder(s);
            if (s.endsWith("/") || s.endsWith(File.separator))
                throw new TypeConversionException("'" + Escaped.text(s) + "' ends in " + s.charAt(s.length() - 1)
                        + ", which names a folder; give a file name");
            return p;
        }
    }

    /** A folder option ({@code export --out}). */
    static final class FolderPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String s) {
            return folder(s);
        }
    }

    private static Path folder(String s) {
        if (s.isEmpty()) throw new TypeConversionException("the path is empty");
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + Escaped.text(s) + "' is not a path: " + e.getReason());
        }
    }

    /**
     * Refuses, before any work, an output that is the same file as an input or as another output: the same path
     * spelled another way (relative or absolute, with {@code ..}), or reached through a symbolic or hard link.
     *
     * @param inputs  option name to file, e.g. {@code --model} to m.json (null values are skipped)
     * @param outputs option name to file written
     */
    static void distinct(Map<String, Path> inputs, Map<String, Path> outputs) {
        var outs = new java.util.ArrayList<>(outputs.entrySet());
        for (int i = 0; i < outs.size(); i++) {
            var o = outs.get(i);
            if (o.getValue() == null) continue;
            for (var in : inputs.entrySet())
                if (in.getValue() != null && same(o.getValue(), in.getValue()))
                    throw new BadInputException(o.getKey() + " " + Escaped.path(o.getValue()) + " is the same file as "
                            + in.getKey() + " " + Escaped.path(in.getValue()) + "; writing it would overwrite the input"
                            + " (give another " + o.getKey() + ")");
            for (int j = i + 1; j < outs.size(); j++) {
                var other = outs.get(j);
                if (other.getValue() != null && same(o.getValue(), other.getValue()))
                    throw new BadInputException(o.getKey() + " " + Escaped.path(o.getValue()) + " and " + other.getKey()
                            + " " + Escaped.path(other.getValue()) + " are the same file; give two names");
            }
        }
    }

    /** Whether two paths name one file: the same file on disk, or the same place for a file not made yet. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            return place(a).equals(place(b));
        } catch (IOException | SecurityException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** The real path of an existing file; else the real path of its folder (if that exists) and its name. */
    private static Path place(Path p) throws IOException {
        if (Files.exists(p)) return p.toRealPath();
        Path abs = p.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(abs.getFileName()) : abs;
    }
}
