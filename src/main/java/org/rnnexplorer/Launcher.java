package org.rnnexplorer;

import org.rnnexplorer.cli.Main;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts JavaFX from the class
 * path. With no arguments it opens the window; {@code screenshots} renders the window to PNGs; any other command
 * runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.rnnexplorer.ui.ExplorerApp.launchWindow(args);
        } else if (args[0].equals("screenshots")) {
            System.exit(org.rnnexplorer.ui.ScreenshotTool.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        } else {
            System.exit(Main.run(args));
        }
    }
}
