package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.WordTokenizer;

/** Each hypothesis's value per token, worked out by hand on short texts. */
class HypothesesTest {

    private static double[] chars(Hypothesis h, String text) {
        return h.values(TokenizedText.of(text, CharTokenizer.INSTANCE));
    }

    private static double[] words(Hypothesis h, String text) {
        return h.values(TokenizedText.of(text, WordTokenizer.INSTANCE));
    }

    private static double[] v(double... values) {
        return values;
    }

    @Test
    void bracketDepthCountsAllThreeKindsAfterEachCharacterAndNeverGoesBelowZero() {
        //                                                   a  (  b  [  c  )  d  }  e  )  (
        assertArrayEquals(v(0, 1, 1, 2, 2, 1, 1, 0, 0, 0, 1), chars(BuiltInHypothesis.BRACKET_DEPTH, "a(b[c)d}e)("));
    }

    @Test
    void insideQuotesIncludesTheOpeningMarkAndNotTheClosingOne() {
        //                                                  a  "  h  "  b  “  y  ”  '  c  '
        assertArrayEquals(v(0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0),
                chars(BuiltInHypothesis.INSIDE_QUOTES, "a\"h\"b\u201Cy\u201D'c'"));
    }

    @Test
    void linePositionCountsTheCharactersReadSinceTheLastLineBreak() {
        // a b \n c, then an emoji (two UTF-16 chars, one character) and d
        assertArrayEquals(v(1, 2, 0, 1, 2, 3), chars(BuiltInHypothesis.LINE_POSITION, "ab\nc\uD83D\uDE00d"));
    }

    @Test
    void wordStartAndEndMarkTheEdgesOfRunsOfLettersAndDigits() {
        String text = "Hi, 42 u.";
        //                                        H  i  ,  _  4  2  _  u  .
        assertArrayEquals(v(1, 0, 0, 0, 1, 0, 0, 1, 0), chars(BuiltInHypothesis.WORD_START, text));
        assertArrayEquals(v(0, 1, 0, 0, 0, 1, 0, 1, 0), chars(BuiltInHypothesis.WORD_END, text));
    }

    @Test
    void characterClassesLookAtTheTokensFirstCharacter() {
        String text = "Ae1y É";
        //                                        A  e  1  y  _  É
        assertArrayEquals(v(1, 1, 0, 0, 0, 0), chars(BuiltInHypothesis.VOWEL, text));
        assertArrayEquals(v(1, 0, 0, 0, 0, 1), chars(BuiltInHypothesis.UPPERCASE, text));
        assertArrayEquals(v(0, 0, 1, 0, 0, 0), chars(BuiltInHypothesis.DIGIT, text));
    }

    @Test
    void newlineNextIsTheNextCharacterForACharacterModel() {
        //                                        a  b  _  \n c  \n d
        assertArrayEquals(v(0, 0, 1, 0, 1, 0, 0), chars(BuiltInHypothesis.NEWLINE_NEXT, "ab \nc\nd"));
    }

    @Test
    void forAWordModelEachTokenReadsTheTextAroundIt() {
        String text = "Hello, world\n(Bye) 3";
        assertEquals(List.of("Hello", ",", "world", "(", "Bye", ")", "3"),
                TokenizedText.of(text, WordTokenizer.INSTANCE).tokens());
        assertArrayEquals(v(0, 0, 1, 0, 0, 0, 0), words(BuiltInHypothesis.NEWLINE_NEXT, text));
        assertArrayEquals(v(5, 6, 12, 1, 4, 5, 7), words(BuiltInHypothesis.LINE_POSITION, text));
        assertArrayEquals(v(0, 0, 0, 1, 1, 0, 0), words(BuiltInHypothesis.BRACKET_DEPTH, text));
        assertArrayEquals(v(1, 0, 1, 0, 1, 0, 1), words(BuiltInHypothesis.WORD_START, text));
        assertArrayEquals(v(1, 0, 0, 0, 1, 0, 0), words(BuiltInHypothesis.UPPERCASE, text));
    }

    @Test
    void aLimitKeepsTheFirstTokensAndTheTextAfterThem() {
        TokenizedText t = TokenizedText.of("ab\ncd", CharTokenizer.INSTANCE, 2);
        assertEquals(2, t.steps());
        assertArrayEquals(v(0, 1), BuiltInHypothesis.NEWLINE_NEXT.values(t), "b is followed by a line break");
    }

    @Test
    void builtInsAreFoundByNameAndListed() {
        assertEquals(BuiltInHypothesis.BRACKET_DEPTH, BuiltInHypothesis.named("Bracket_Depth"));
        assertNull(BuiltInHypothesis.named("depth"));
        assertEquals("bracket-depth, inside-quotes, line-position, word-start, word-end, vowel, uppercase, digit, "
                + "newline-next", BuiltInHypothesis.names());
    }

    @Test
    void aRegexMarksEveryTokenThatAMatchTouches() {
        assertArrayEquals(v(0, 1, 1, 0, 1, 1), chars(new RegexHypothesis("bc"), "abcabc"));
        assertArrayEquals(v(0, 0, 0), chars(new RegexHypothesis("x*"), "abc"), "empty matches cover nothing");
        assertArrayEquals(v(1, 0, 1, 0), chars(new RegexHypothesis("^."), "a\nb\n"), "^ at each line start");
        // a word partly inside a match is on
        assertArrayEquals(v(0, 1, 0), words(new RegexHypothesis("ll"), "the hello world"));
    }

    @Test
    void aBadRegexIsOneLineWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegexHypothesis("ab(c"));
        assertEquals("bad regular expression \"ab(c\": Unclosed group at index 4 (indices count from 0)", e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }

    @Test
    void aMarkedRangeIsOnInsideAndOffOutside() {
        assertArrayEquals(v(0, 0, 1, 1, 0, 0), chars(new MarkedRangeHypothesis(2, 4), "abcdef"));
        assertArrayEquals(v(0, 1, 1), words(new MarkedRangeHypothesis(5, 9), "one two three"), "overlap is enough");
        assertThrows(IllegalArgumentException.class, () -> chars(new MarkedRangeHypothesis(2, 9), "abcdef"));
        assertThrows(IllegalArgumentException.class, () -> new MarkedRangeHypothesis(3, 3));
    }
}
