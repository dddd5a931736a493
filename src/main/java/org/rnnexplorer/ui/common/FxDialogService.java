package org.rnnexplorer.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The {@link DialogService} of the window: JavaFX alerts and file choosers owned by the window. Save choosers
 * remember the last folder and add the extension when the name has none.
 */
public final class FxDialogService implements DialogService {
    private static final String TITLE = "RNN Explorer";
    private final Supplier<Window> owner;
    private File lastFolder;

    /** Dialogs owned by the window {@code owner} gives at the time (null: unowned). */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Path chooseFileToOpen(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        File f = chooser.showOpenDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    @Override
    public Path chooseFileToSave(String title, String suggested, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                "*." + extension));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) return null;
        lastFolder = f.getParentFile();
        return f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + "." + extension);
    }

    @Override
    public void showError(String header, String message) {
        show(new Alert(Alert.AlertType.ERROR, message), TITLE, header);
    }

    @Override
    public void showError(String header, String message, String details, Runnable closed) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(16);
        area.setPrefColumnCount(60);
        a.getDialogPane().setExpandableContent(area);
        a.getDialogPane().setPrefWidth(640); // the message keeps wrapping when the details open
        a.setResizable(true);
        a.setOnHidden(e -> closed.run());
        show(a, TITLE, header);
    }

    @Override
    public void showInformation(String title, String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setContentText(text);
        show(a, title, header);
    }

    @Override
    public <T> void ask(String header, String question, List<Choice<T>> choices, Consumer<T> answer) {
        List<ButtonType> buttons = new ArrayList<>();
        ButtonBar.ButtonData[] order = {ButtonBar.ButtonData.YES, ButtonBar.ButtonData.NO};
        for (int i = 0; i < choices.size(); i++)
            buttons.add(new ButtonType(choices.get(i).label(), i < order.length ? order[i] : ButtonBar.ButtonData.OTHER));
        buttons.add(ButtonType.CANCEL);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, buttons.toArray(new ButtonType[0]));
        a.setOnHidden(e -> {
            int i = buttons.indexOf(a.getResult());
            answer.accept(i >= 0 && i < choices.size() ? choices.get(i).value() : null);
        });
        show(a, TITLE, header);
    }

    @Override
    public <T> void choose(String header, String question, List<Choice<T>> options, Consumer<T> answer) {
        List<String> labels = options.stream().map(Choice::label).toList();
        ChoiceDialog<String> d = new ChoiceDialog<>(labels.isEmpty() ? null : labels.get(0), labels);
        d.setContentText(question);
        d.setOnHidden(e -> {
            int i = d.getResult() == null ? -1 : labels.indexOf(d.getResult());
            answer.accept(i >= 0 ? options.get(i).value() : null);
        });
        show(d, TITLE, header);
    }

    private void show(Dialog<?> a, String title, String header) {
        a.setTitle(title);
        a.setHeaderText(header);
        Window w = owner.get();
        if (w != null) a.initOwner(w);
        a.show();
    }
}
