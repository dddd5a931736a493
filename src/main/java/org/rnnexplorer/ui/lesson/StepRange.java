package org.rnnexplorer.ui.lesson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lesson editor's fields as typed: steps as the window numbers them (from 1), "3–9" or "3-9" or "5". */
final class StepRange {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,7})\\s*(?:[-–]\\s*(\\d{1,7})\\s*)?");

    private StepRange() {
    }

    /** {first, last} from 0, or null for a blank field; IllegalArgumentException for anything else. */
    static Integer[] parse(String text) {
        if (text == null || text.isBlank()) return null;
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("steps \"" + text + "\": write a step or a range such as 3-9");
        int a = Integer.parseInt(m.group(1)), b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        if (a < 1 || b < a) throw new IllegalArgumentException("steps \"" + text + "\": a range from step 1 up, first before last");
        return new Integer[] {a - 1, b - 1};
    }

    static double number(String text, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is not a number");
        }
    }
}
