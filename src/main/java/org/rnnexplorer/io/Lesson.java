package org.rnnexplorer.io;

import java.util.List;

/**
 * A lesson: a title and an ordered list of slides, each a saved view of the window with a caption. {@link LessonFile}
 * writes and reads it. Two lessons are equal when their files would say the same (models compared by their canonical
 * JSON, see {@link SavedView}).
 *
 * @param title  shown in the lesson bar and on the handout's pages (may be empty)
 * @param slides in the order they are shown
 */
public record Lesson(String title, List<LessonSlide> slides) {
    /** Most slides in a lesson. */
    public static final int MAX_SLIDES = 500;
    /** Longest title and caption. */
    public static final int MAX_TITLE = 200;

    public Lesson {
        if (title == null) title = "";
        if (title.length() > MAX_TITLE)
            throw new IllegalArgumentException("the title has " + title.length() + " characters; the limit is " + MAX_TITLE);
        if (slides == null) slides = List.of();
        if (slides.size() > MAX_SLIDES)
            throw new IllegalArgumentException(slides.size() + " slides; the limit is " + MAX_SLIDES);
        for (LessonSlide s : slides) if (s == null) throw new IllegalArgumentException("a slide is missing");
        slides = List.copyOf(slides);
    }
}
