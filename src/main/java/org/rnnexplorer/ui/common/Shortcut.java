package org.rnnexplorer.ui.common;

import java.util.Locale;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the window, in one table: the menus take their accelerators from it, the Help dialog
 * lists it, and the tooltips of buttons name their key from it. Two kinds: the playback keys (a single key, taken by
 * the cell tab whenever no text field has the focus) and menu accelerators (with Ctrl, or a function key).
 */
public enum Shortcut {
    PLAY_PAUSE(KeyCode.SPACE, "Space", "play / pause"),
    STEP_BACK(KeyCode.LEFT, "←", "step back"),
    STEP_FORWARD(KeyCode.RIGHT, "→", "step forward"),
    FIRST_STEP(KeyCode.HOME, "Home", "first step"),
    LAST_STEP(KeyCode.END, "End", "last step"),
    PREVIOUS_UNIT(KeyCode.UP, "↑", "select the previous unit"),
    NEXT_UNIT(KeyCode.DOWN, "↓", "select the next unit"),
    ZOOM_IN(new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}, "+", "zoom the heatmaps in (about the current step; or the mouse wheel)"),
    ZOOM_OUT(new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}, "−", "zoom the heatmaps out"),
    FIT(new KeyCode[] {KeyCode.DIGIT0, KeyCode.NUMPAD0}, "0", "fit the heatmaps to the whole input (drag a heatmap to pan)"),
    LEAVE(KeyCode.ESCAPE, "Esc", "leave the input editor (or presenter mode)"),
    NEXT_SLIDE(KeyCode.PAGE_DOWN, "PgDn", "next slide of the lesson (so does → in lesson mode, and a clicker)"),
    PREVIOUS_SLIDE(KeyCode.PAGE_UP, "PgUp", "previous slide (so does ← in lesson mode; Shift+←/→ step)"),
    EDIT_INPUT("Shortcut+L", "edit the input"),
    OPEN_MODEL("Shortcut+O", "open a model file, a session or a PyTorch checkpoint"),
    OPEN_INPUT("Shortcut+I", "open an input text or CSV"),
    OPEN_SESSION("Shortcut+Shift+O", "open a session"),
    SAVE_SESSION("Shortcut+S", "save the session"),
    QUIT("Shortcut+Q", "quit"),
    OPEN_LESSON("Shortcut+Shift+L", "open a lesson"),
    SAVE_LESSON("Shortcut+Alt+S", "save the lesson"),
    ADD_SLIDE("Shortcut+Shift+N", "add the current view as a slide"),
    PRESENTER("F11", "presenter mode"),
    SHORTCUTS_HELP("F1", "this list of keys");

    private final KeyCode[] keys;
    private final KeyCombination accelerator;
    private final String keyText;
    private final String does;

    Shortcut(KeyCode key, String keyText, String does) {
        this(new KeyCode[] {key}, keyText, does);
    }

    /** A playback key that any of {@code keys} presses ("+" is Shift+= on many keyboards, + on the keypad). */
    Shortcut(KeyCode[] keys, String keyText, String does) {
        this.keys = keys;
        this.accelerator = null;
        this.keyText = keyText;
        this.does = does;
    }

    Shortcut(String accelerator, String does) {
        this.keys = new KeyCode[0];
        this.accelerator = KeyCombination.valueOf(accelerator);
        this.keyText = null; // the display text ("Ctrl+S", "⌘S") needs the toolkit: asked for when shown
        this.does = does;
    }

    /** How the key is written: "Space", "←", "Ctrl+S". */
    public String keyText() {
        return keyText != null ? keyText : accelerator.getDisplayText();
    }

    /** What it does, in the Help list's words. */
    public String does() {
        return does;
    }

    /** A tooltip saying {@code what} the control does, then its key: "Step back (←)". */
    public Tooltip tooltip(String what) {
        return new Tooltip(what + " (" + keyText() + ")");
    }

    /**
     * A menu item doing {@code action}: a menu accelerator is installed as such; a playback key is written after the
     * text (the cell tab takes the key itself, so that it never fires while a text field has the focus).
     */
    public MenuItem menuItem(String text, Runnable action) {
        MenuItem item = new MenuItem(accelerator != null ? text : text + "    " + keyText);
        if (accelerator != null) item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The accelerator of a menu shortcut (null for a playback key). */
    public KeyCombination accelerator() {
        return accelerator;
    }

    /** The playback key pressed, or null (a key with Ctrl or Alt is never a playback key). */
    public static Shortcut playbackKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return null;
        for (Shortcut s : values()) for (KeyCode k : s.keys) if (k == e.getCode()) return s;
        return null;
    }

    /** The Help list: one line per shortcut, key then what it does. */
    public static String helpText() {
        StringBuilder b = new StringBuilder();
        for (Shortcut s : values()) b.append(String.format(Locale.ROOT, "%-16s %s%n", s.keyText(), s.does));
        return b.toString();
    }
}
