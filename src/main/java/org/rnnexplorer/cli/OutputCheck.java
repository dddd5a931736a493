package org.rnnexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rnnexplorer.io.Escaped;

/** Checks an output path before the work starts, so a long run does not end in "cannot write". */
final class OutputCheck {
    private OutputCheck() {
    }

    static void writable(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        String name = Escaped.path(out);
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir))
            throw new BadInputException(name + ": " + Escaped.path(dir) + " is a file, not a folder");
        if (dir == null || !Files.isDirectory(dir))
            throw new BadInputException(name + ": the folder " + Escaped.path(dir) + " does not exist");
        if (!Files.isWritable(dir)) throw new BadInputException(name + ": the folder " + Escaped.path(dir) + " is not writable");
        if (Files.isDirectory(out)) throw new BadInputException(name + ": is a folder, expected a file name");
        if (Files.exists(out) && !Files.isRegularFile(out))
            throw new BadInputException(name + ": is not a regular file (a device, a pipe or a socket), and writing would"
                    + " replace it; give a file name");
    }
}
