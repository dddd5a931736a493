package org.rnnexplorer.ui.common;

import java.util.Locale;

/** Numbers as the window writes them: three decimals and a true minus sign. */
public final class Num {
    private Num() {
    }

    /** "0.412", "−1.823". */
    public static String f(double x) {
        String s = String.format(Locale.ROOT, "%.3f", x);
        if (s.equals("-0.000")) s = "0.000";
        return s.replace('-', '−');
    }

    /** A term inside a sum: negative numbers in parentheses, "(−1.823)". */
    public static String term(double x) {
        String s = f(x);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }

    /** A probability as a percentage, "41%". */
    public static String percent(double p) {
        return Math.round(p * 100) + "%";
    }
}
