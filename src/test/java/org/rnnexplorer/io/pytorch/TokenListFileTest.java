package org.rnnexplorer.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnexplorer.io.BadFileException;

/** The three ways to write a vocabulary for {@code --vocab} (and class names for {@code --labels}). */
class TokenListFileTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aJsonListAJsonObjectAndLinesGiveTheSameTokens() throws IOException {
        List<String> tokens = List.of("<unk>", "a", " ", "b");
        assertEquals(tokens, TokenListFile.read(file("v.json", "[\"<unk>\", \"a\", \" \", \"b\"]")));
        assertEquals(tokens, TokenListFile.read(file("o.json", "{\"b\": 3, \"<unk>\": 0, \" \": 2, \"a\": 1}")));
        assertEquals(tokens, TokenListFile.read(file("v.txt", "<unk>\na\n \nb\n")));
        assertEquals(tokens, TokenListFile.read(file("crlf.txt", "<unk>\r\na\r\n \r\nb")));
    }

    @Test
    void multiCharacterTokensStayWhole() throws IOException {
        assertEquals(List.of("<PAD>", "<SOS>", "x"), TokenListFile.read(file("s.txt", "<PAD>\n<SOS>\nx\n")));
    }

    @Test
    void eachMistakeIsNamed() throws IOException {
        assertTrue(message(file("dup.txt", "a\nb\na\n")).endsWith("\"a\" is there twice (lines 1 and 3)"));
        assertTrue(message(file("empty.txt", "a\n\nb\n")).contains("line 2 is empty"));
        assertTrue(message(file("gap.json", "{\"a\": 0, \"b\": 2}")).contains("the id of \"b\" is 2; ids run from 0 to 1"));
        assertTrue(message(file("twice.json", "{\"a\": 0, \"b\": 0}")).contains("id 0 is given to \"a\" and \"b\""));
        assertTrue(message(file("nums.json", "[\"a\", 3]")).contains("entry 1 is not a string"));
        assertTrue(message(file("bad.json", "[\"a\", ")).contains("not valid JSON"));
        assertTrue(message(dir.resolve("none.txt")).endsWith("none.txt: no such file"));
    }

    private static String message(Path p) {
        return assertThrows(BadFileException.class, () -> TokenListFile.read(p)).getMessage();
    }
}
