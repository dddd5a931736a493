package org.rnnexplorer.analysis;

import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * 1 at a token when any of its characters lies inside a match of a regular expression over the whole text, 0
 * elsewhere. Java's {@link Pattern} syntax, with {@code ^} and {@code $} matching at line breaks; matches are found
 * left to right and do not overlap ({@link Matcher#find()}). A match of no characters covers no token. Matching stops with a {@link CancellationException} when
 * the thread is interrupted, so a pattern that backtracks for ever can be cancelled.
 */
public final class RegexHypothesis implements Hypothesis {
    private final Pattern pattern;

    /** @throws IllegalArgumentException one line: what is wrong with the pattern and at which index (from 0) */
    public RegexHypothesis(String regex) {
        try {
            pattern = Pattern.compile(regex, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            String at = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            throw new IllegalArgumentException("bad regular expression \"" + regex + "\": " + e.getDescription() + at
                    + " (indices count from 0)");
        }
    }

    public String regex() {
        return pattern.pattern();
    }

    @Override
    public String id() {
        return "regex:" + pattern.pattern();
    }

    @Override
    public String description() {
        return "inside a match of /" + pattern.pattern() + "/";
    }

    @Override
    public boolean graded() {
        return false;
    }

    @Override
    public double[] values(TokenizedText text) {
        String s = text.text();
        int[] covered = new int[s.length() + 1]; // covered[i] = characters before i inside a match
        Matcher m = pattern.matcher(new Interruptible(s));
        int upTo = 0;
        while (m.find()) {
            for (int i = upTo; i < m.start(); i++) covered[i + 1] = covered[i];
            for (int i = m.start(); i < m.end(); i++) covered[i + 1] = covered[i] + 1;
            upTo = m.end();
        }
        for (int i = upTo; i < s.length(); i++) covered[i + 1] = covered[i];
        double[] v = new double[text.steps()];
        for (int t = 0; t < v.length; t++) v[t] = covered[text.end(t)] > covered[text.start(t)] ? 1 : 0;
        return v;
    }

    /** The text, checking for interruption as the matcher reads it. */
    private record Interruptible(CharSequence s) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) throw new CancellationException("matching was cancelled");
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Interruptible(s.subSequence(start, end));
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }
}
