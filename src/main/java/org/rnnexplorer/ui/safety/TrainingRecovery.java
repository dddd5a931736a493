package org.rnnexplorer.ui.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.Supplier;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.ui.training.TrainingSnapshot;
import org.rnnexplorer.ui.training.TrainingViewModel;

/**
 * The Training tab's weights that are in no file: those of a run under way (a copy at most a second old) or of a
 * finished run not yet handed to the window. Part {@code training}:
 * {@code {"task": "...", "cell": "lstm", "step": 1200, "totalSteps": 5000, "model": { ...a model file... }}}.
 */
public final class TrainingRecovery implements Recoverable {
    public static final String KEY = "training";
    private final TrainingViewModel training;

    public TrainingRecovery(TrainingViewModel training) {
        this.training = training;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Supplier<String> capture() {
        TrainingSnapshot s = training.unsavedWeights();
        return s == null ? null : () -> toJson(s);
    }

    static String toJson(TrainingSnapshot s) {
        ObjectNode o = PartJson.object();
        o.put("task", s.task());
        o.put("cell", s.cell().id());
        o.put("step", s.step());
        o.put("totalSteps", s.totalSteps());
        PartJson.putDocument(o, "model", ModelFile.toJson(s.model()));
        return PartJson.text(o);
    }

    /** The snapshot a part holds; a part that is not one is an IllegalArgumentException saying what is wrong. */
    public static TrainingSnapshot read(String json) {
        JsonNode o = PartJson.parse(json);
        String task = PartJson.string(o, "task");
        CellType cell = CellType.fromId(PartJson.string(o, "cell"));
        if (cell == null) throw new IllegalArgumentException("\"cell\" is not rnn, lstm or gru");
        int step = PartJson.nonNegativeInt(o, "step");
        int total = PartJson.nonNegativeInt(o, "totalSteps");
        RnnModel model = ModelFile.fromJson(PartJson.document(o, "model"), "the trained model");
        if (model.cell() != cell) throw new IllegalArgumentException("the model is not the " + cell.id() + " cell it names");
        return new TrainingSnapshot(model, step, total, task, cell);
    }

    @Override
    public String describe(String json) {
        TrainingSnapshot s = read(json);
        String cell = s.cell().id().toUpperCase(Locale.ROOT);
        return String.format(Locale.ROOT, "the weights of %s %s trained for %,d of %,d steps (%s)",
                cell.equals("GRU") ? "a" : "an", cell, s.step(), s.totalSteps(), s.task());
    }

    @Override
    public void restore(String json) {
        training.restore(read(json));
    }
}
