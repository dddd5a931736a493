/**
 * The window (JavaFX), one package per room:
 * <ul>
 *   <li>{@code app}: the shell. {@code ExplorerApp} and {@code ExplorerWindow}; {@code MainController} (explorer.fxml)
 *       puts the bars, the tabs and the menus together; {@code ExplorerViewModels} makes every view model of a window
 *       and couples them; {@code ExplorerMenus}, the playback keys, the presenter layout, the recent files.</li>
 *   <li>{@code common}: what every room uses. {@code DialogService} (files, questions, errors: JavaFX dialogs in the
 *       window, a fake in tests), {@code Shortcut} (the one table of keys), {@code Palette}, {@code ViewOptions},
 *       {@code EventBus}, {@code SessionSlider}, {@code LatestWinsExecutor}, {@code DaemonThreads}, number and token
 *       formatting.</li>
 *   <li>{@code explorer}: the "Cell, step by step" tab ({@code CellTab}) and its rooms: {@code trace} (the open
 *       model, its input, its trace and the selection: {@code TraceViewModel}, the model and input bars, where models
 *       come from), {@code playback}, {@code diagram}, {@code heatmap}, {@code strip}, {@code equations},
 *       {@code whatif}; each a view and its view model.</li>
 *   <li>{@code session}: the window as a document: session files, saving models, the unsaved-weights question.</li>
 *   <li>{@code gradient}: the Gradient lab tab and the cell tab's Gradient panel.</li>
 *   <li>{@code training}: the Training tab.</li>
 *   <li>{@code export}: saving charts, pictures, traces and GIFs.</li>
 * </ul>
 * View models hold JavaFX properties but never touch a scene graph; views bind to them. A new tab is a class in its
 * own package and one line in {@code MainController}; a side panel one line in {@code CellTab}; a menu item one line
 * in {@code ExplorerMenus}, its key one line in {@code Shortcut}; a dialog one method of {@code DialogService}.
 */
package org.rnnexplorer.ui;
