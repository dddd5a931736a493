package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeriesCsvTest {
    private static double[][] read(String text) {
        return SeriesCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }

    private static String problem(String text) {
        return assertThrows(BadFileException.class, () -> read(text)).getMessage();
    }

    @Test
    void rowsOfNumbersWithAnOptionalHeaderBlankLinesAndSpaces() {
        assertArrayEquals(new double[][] {{1, -2.5}, {3e-2, .5}, {0, 7}},
                read("\uFEFFtime, value\r\n1,-2.5\n\n 3e-2 , +.5\n0,7"));
        assertArrayEquals(new double[][] {{4}}, read("4\n"));
    }

    @Test
    void refusesWhatIsNotACleanSeries() {
        assertEquals("s.csv:3: has 3 numbers, expected 2 as on line 1", problem("1,2\n3,4\n5,6,7\n"));
        assertEquals("s.csv:2: field 1 is not a number: \"0x10\"", problem("1\n0x10\n"));
        assertEquals("s.csv:1: field 2 is not a number: \"b\"", problem("1,b\n"));
        assertEquals("s.csv:2: field 1 is Infinity; only finite numbers are allowed", problem("1\nInfinity\n"));
        assertEquals("s.csv:1: field 1 (1e999) is too large for a double", problem("1e999\n"));
        assertEquals("s.csv: the file is empty (no rows of numbers)", problem(""));
        assertEquals("s.csv:3: field 1 is not a number: \"c\"", problem("a,b\n1,2\nc,d\n"));
        assertEquals("s.csv: is not a UTF-8 text file", assertThrows(BadFileException.class,
                () -> SeriesCsv.read(new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, 0x31}), "s.csv")).getMessage());
    }

    @Test
    void aControlCharacterIsRefusedWithItsLineAndColumnNotReadAsASpace() {
        assertEquals("s.csv:1: column 4 is a control character (U+0001); a row holds numbers, commas and spaces",
                problem("1,2\u0001\n3,4\n"));
        assertEquals("s.csv:2: column 3 is a control character (U+0000); a row holds numbers, commas and spaces",
                problem("1,2\n3,\u00004\n"));
        assertEquals("s.csv:1: column 3 is a control character (U+0007); a row holds numbers, commas and spaces",
                problem("ti\u0007me,v\n1,2\n"));
        assertEquals("s.csv:1: column 2 is a control character (U+007F); a row holds numbers, commas and spaces",
                problem("1\u007f,2\n"));
        assertArrayEquals(new double[][] {{1, 2}}, read("1,\t2\n"), "a tab is a space");
    }
}
