package org.rnnexplorer.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file; the app uses a {@link FileChooser}, tests give a folder. */
@FunctionalInterface
public interface SaveLocation {

    /**
     * @param suggested a file name such as {@code gradient.png}
     * @param extension the extension the file must have, without the dot
     * @return the chosen file, or null when the user cancelled
     */
    Path choose(Window owner, String title, String suggested, String extension);

    /** A save dialog that remembers the last folder and adds the extension when the name has none. */
    static SaveLocation fileChooser() {
        File[] lastFolder = new File[1];
        return (owner, title, suggested, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                    "*." + extension));
            if (lastFolder[0] != null && lastFolder[0].isDirectory()) chooser.setInitialDirectory(lastFolder[0]);
            File f = chooser.showSaveDialog(owner);
            if (f == null) return null;
            lastFolder[0] = f.getParentFile();
            return f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + "." + extension);
        };
    }

    /** Always {@code folder/suggested}: for tests and batch exports. */
    static SaveLocation folder(Path folder) {
        return (owner, title, suggested, extension) -> folder.resolve(suggested);
    }
}
