package org.rnnexplorer.io;

/**
 * One slide of a {@link Lesson}: the view to restore, its caption (a {@link CaptionTemplate}: text in the deck's
 * notation with live numbers such as {@code {f}}), what to highlight, and what to play once it is shown.
 *
 * @param view      the window as the slide shows it
 * @param caption   the caption's template; its placeholders are checked against the view's model
 * @param highlight a part of the cell diagram, a unit, a range of steps; or null
 * @param autoPlay  steps to play after the slide is shown; or null
 */
public record LessonSlide(SavedView view, String caption, Highlight highlight, AutoPlay autoPlay) {
    /** Longest caption. */
    public static final int MAX_CAPTION = 4000;

    public LessonSlide {
        if (view == null) throw new IllegalArgumentException("the slide has no view");
        if (caption == null) caption = "";
        if (caption.length() > MAX_CAPTION)
            throw new IllegalArgumentException("the caption has " + caption.length() + " characters; the limit is " + MAX_CAPTION);
        CaptionTemplate.parse(caption).check(view.session().model());
        Session s = view.session();
        if (highlight != null) highlight.check(s);
        if (autoPlay != null && autoPlay.toStep() >= Math.max(1, s.steps()))
            throw new IllegalArgumentException("auto-play goes to step " + autoPlay.toStep() + ", outside 0.."
                    + (Math.max(1, s.steps()) - 1) + " (the input has " + s.steps() + " steps)");
    }

    public LessonSlide withCaption(String c) {
        return new LessonSlide(view, c, highlight, autoPlay);
    }

    public LessonSlide withHighlight(Highlight h) {
        return new LessonSlide(view, caption, h, autoPlay);
    }

    public LessonSlide withAutoPlay(AutoPlay a) {
        return new LessonSlide(view, caption, highlight, a);
    }

    /**
     * What the slide points at: a part of the cell diagram ({@link #PARTS}: a gate by its name in the model's
     * {@code CellType}, {@code hidden}, {@code cell} or {@code input}), a unit, and a range of steps (first to last,
     * inclusive, from 0). Any of the three may be absent (null), not all.
     */
    public record Highlight(String part, Integer unit, Integer fromStep, Integer toStep) {
        /** The parts that are not gates. */
        public static final java.util.List<String> PARTS = java.util.List.of("hidden", "cell", "input");

        public Highlight {
            if (part == null && unit == null && fromStep == null)
                throw new IllegalArgumentException("the highlight names no part, unit or steps");
            if ((fromStep == null) != (toStep == null))
                throw new IllegalArgumentException("the highlight's steps need both a first and a last step");
            if (fromStep != null && (fromStep < 0 || toStep < fromStep))
                throw new IllegalArgumentException("the highlight's steps " + fromStep + ".." + toStep + " are not a range from 0 up");
        }

        /** Whether {@code t} is in the range of steps. */
        public boolean covers(int t) {
            return fromStep != null && t >= fromStep && t <= toStep;
        }

        void check(Session s) {
            var cell = s.model().cell();
            if (part != null && !cell.gateNames().contains(part) && !PARTS.contains(part))
                throw new IllegalArgumentException("the highlight's part \"" + part + "\" is not a part of the " + cell.id()
                        + " cell (" + String.join(", ", cell.gateNames()) + (cell.gateNames().isEmpty() ? "" : ", ")
                        + String.join(", ", PARTS) + ")");
            if ("cell".equals(part) && !cell.hasCellState())
                throw new IllegalArgumentException("the highlight's part \"cell\": the " + cell.id() + " cell has no cell state");
            if (unit != null && (unit < 0 || unit >= s.model().hiddenSize()))
                throw new IllegalArgumentException("the highlight's unit " + unit + " is outside 0.." + (s.model().hiddenSize() - 1));
            if (toStep != null && toStep >= Math.max(1, s.steps()))
                throw new IllegalArgumentException("the highlight's steps end at " + toStep + ", after the last step "
                        + (Math.max(1, s.steps()) - 1));
        }
    }

    /**
     * Playing the slide once shown: from its step to {@code toStep} (from 0), {@code stepsPerSecond} steps a second
     * (0.1 to 60).
     */
    public record AutoPlay(double stepsPerSecond, int toStep) {
        public AutoPlay {
            if (!(stepsPerSecond >= 0.1 && stepsPerSecond <= 60))
                throw new IllegalArgumentException("auto-play at " + stepsPerSecond + " steps per second; from 0.1 to 60");
            if (toStep < 0) throw new IllegalArgumentException("auto-play to step " + toStep + ", which is negative");
        }
    }
}
