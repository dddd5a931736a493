package org.rnnexplorer.ui.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonFile;
import org.rnnexplorer.io.SessionFile;

/**
 * The lessons shipped with the app: those listed in {@code resources/lessons/index.json} (on the class path as
 * {@code /bundled/lessons/index.json}), the first the one Help opens.
 */
public final class BundledLessons {
    static final String FOLDER = "/bundled/lessons/";

    /** A bundled lesson: its file in the lessons folder and the title the Lesson menu shows. */
    public record Entry(String file, String title) {
        /** Reads it (off the JavaFX thread); a broken one is a one-line BadFileException. */
        public Lesson read() {
            try (InputStream in = BundledLessons.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) throw new BadFileException("lessons/" + file, "not among the bundled lessons");
                return LessonFile.read(in, "lessons/" + file, SessionFile.BundledModels.CLASS_PATH);
            } catch (IOException e) {
                throw new UncheckedIOException("lessons/" + file + ": " + e.getMessage(), e);
            }
        }
    }

    private BundledLessons() {
    }

    /** The entries of the index, in its order; empty when there is none or it cannot be read. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = BundledLessons.class.getResourceAsStream(FOLDER + "index.json")) {
            if (in == null) return out;
            for (JsonNode n : new ObjectMapper().readTree(in).path("lessons")) {
                String file = n.path("file").asText(null);
                if (file != null) out.add(new Entry(file, n.path("title").asText(file)));
            }
        } catch (IOException e) {
            // a broken index only hides the bundled lessons
        }
        return out;
    }
}
