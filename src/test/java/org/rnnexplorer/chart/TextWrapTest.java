package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the text view lays the tokens out in lines of cells. */
class TextWrapTest {

    static List<String> chars(String s) {
        List<String> out = new ArrayList<>();
        for (char c : s.toCharArray()) out.add(String.valueOf(c));
        return out;
    }

    @Test
    void aLineBreakEndsItsLineAndWordsAreNotCut() {
        TextWrap w = new TextWrap(chars("ab cd\nefgh ijkl mn"), false, 10);
        assertEquals(3, w.lines());
        assertEquals(0, w.line(5), "the line break is the last cell of its line");
        assertEquals(5, w.column(5));
        assertEquals(1, w.line(6));
        assertEquals(6, w.firstToken(1));
        // "efgh ijkl " is 10 cells; "mn" would not fit after it, so it starts line 2
        assertEquals(2, w.line(16));
        assertEquals(0, w.column(16));
        assertEquals("\u21B5", TextWrap.display("\n"));
    }

    @Test
    void aWordLongerThanALineIsCutAtTheLineEnd() {
        TextWrap w = new TextWrap(chars("x abcdefghijklmnop"), false, 8);
        assertEquals(0, w.line(2), "a word that fits on no line fills the line it starts on");
        assertEquals(7, w.column(7));
        assertEquals(1, w.line(8));
        assertEquals(0, w.column(8));
        assertEquals(2, w.line(16));
        for (int l = 0; l < w.lines(); l++)
            for (int t = w.firstToken(l); t < w.endToken(l); t++)
                assertTrue(w.column(t) + w.width(t) <= 8, "token " + t + " inside the line");
    }

    @Test
    void wordTokensAreSetASpaceApartAndFoundByColumn() {
        TextWrap w = new TextWrap(List.of("the", "cat", "sat", "on", "it"), true, 8);
        assertEquals(0, w.column(0));
        assertEquals(4, w.column(1));
        assertEquals(1, w.line(2));
        assertEquals(1, w.tokenAt(0, 5));
        assertEquals(-1, w.tokenAt(0, 3), "the space between two words is no token");
        assertEquals(3, w.tokenAt(1, 4));
        assertEquals(-1, w.tokenAt(5, 0));
    }
}
