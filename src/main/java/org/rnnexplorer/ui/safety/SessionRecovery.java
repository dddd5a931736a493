package org.rnnexplorer.ui.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.rnnexplorer.io.Session;
import org.rnnexplorer.io.SessionFile;
import org.rnnexplorer.ui.session.SessionViewModel;

/**
 * The window as a document when it has changes no file holds: the model (with weights trained in the app), the
 * input, the selected layer, unit and step, the sliders and the what-ifs, in the session file format. Part
 * {@code session}: {@code {"session": { ...a session file... }, "file": "/home/u/a.session.json" or null,
 * "trainedUnsaved": true}}.
 */
public final class SessionRecovery implements Recoverable {
    public static final String KEY = "session";
    private final SessionViewModel session;

    public SessionRecovery(SessionViewModel session) {
        this.session = session;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Supplier<String> capture() {
        SessionViewModel.UnsavedWork w = session.unsavedWork();
        return w == null ? null : () -> toJson(w);
    }

    static String toJson(SessionViewModel.UnsavedWork w) {
        ObjectNode o = PartJson.object();
        PartJson.putDocument(o, "session", SessionFile.toJson(w.session(), SessionFile.BundledModels.CLASS_PATH));
        o.put("file", w.file() == null ? null : w.file().toString());
        o.put("trainedUnsaved", w.trainedUnsaved());
        return PartJson.text(o);
    }

    static SessionViewModel.UnsavedWork read(String json) {
        JsonNode o = PartJson.parse(json);
        Session s = SessionFile.fromJson(PartJson.document(o, "session"), "the recovered session",
                SessionFile.BundledModels.CLASS_PATH);
        JsonNode f = o.get("file");
        Path file = null;
        if (f != null && !f.isNull()) {
            if (!f.isTextual()) throw new IllegalArgumentException("\"file\" is not a string");
            try {
                file = Path.of(f.asText());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("\"file\" is not a path");
            }
        }
        JsonNode t = PartJson.member(o, "trainedUnsaved");
        if (!t.isBoolean()) throw new IllegalArgumentException("\"trainedUnsaved\" is not true or false");
        return new SessionViewModel.UnsavedWork(s, file, t.asBoolean());
    }

    @Override
    public String describe(String json) {
        SessionViewModel.UnsavedWork w = read(json);
        Session s = w.session();
        String what = w.trainedUnsaved() ? "a session with weights trained in the app" : "the changes of a session";
        return what + (w.file() != null ? " (" + w.file().getFileName() + ")" : "") + ": "
                + s.model().cell().id().toUpperCase(java.util.Locale.ROOT) + ", " + s.steps() + " steps of input"
                + (s.clamps().isEmpty() ? "" : ", " + s.clamps().size() + " what-if" + (s.clamps().size() == 1 ? "" : "s"));
    }

    @Override
    public void restore(String json) {
        session.restore(read(json));
    }
}
