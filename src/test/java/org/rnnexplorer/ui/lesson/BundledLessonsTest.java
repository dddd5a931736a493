package org.rnnexplorer.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.io.Lesson;
import org.rnnexplorer.io.LessonSlide;
import org.rnnexplorer.ui.explorer.trace.ModelCatalog;

class BundledLessonsTest {
    @Test
    void theBundledLessonFollowsTheDeckWithTheBundledModels() {
        List<BundledLessons.Entry> all = BundledLessons.all();
        assertFalse(all.isEmpty());
        Lesson l = all.get(0).read();
        assertEquals(9, l.slides().size(), "one slide per step of the deck");
        for (LessonSlide s : l.slides()) {
            String path = s.view().session().bundledModel();
            assertTrue(path != null && ModelCatalog.bundledAt(path) != null, path + " is a bundled model of the Model menu");
        }
        assertTrue(l.slides().get(2).caption().contains("vanishing gradients"));
        assertEquals("gradient", l.slides().get(2).view().panel());
        assertEquals("ways-tab", l.slides().get(8).view().tab());
    }
}
