package org.rnnexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A vocabulary's multi-character tokens ({@code <unk>}, {@code </s>}) are one token where a text has them. */
class SpecialTokenTokenizerTest {
    @Test
    void charTokensAroundSpecialTokens() {
        Tokenizer t = Tokenizer.forVocabulary("char", List.of("<unk>", "<s>", "</s>", "a", "b", "<"));
        assertEquals(List.of("<s>", "a", "b", "</s>", "<", "a"), t.split("<s>ab</s><a"));
        assertEquals(List.of("<unk>", "<unk>"), t.split("<unk><unk>"));
        assertEquals("<s>ab", t.join(List.of("<s>", "a", "b")));
    }

    @Test
    void theLongestSpecialTokenWins() {
        Tokenizer t = Tokenizer.forVocabulary("char", List.of("<s>", "<sos>", "s"));
        assertEquals(List.of("<sos>", "s", "<s>"), t.split("<sos>s<s>"));
    }

    @Test
    void wordTokensAroundSpecialTokens() {
        Tokenizer t = Tokenizer.forVocabulary("word", List.of("<unk>", "the", "cat"));
        assertEquals(List.of("the", "<unk>", "cat", "."), t.split("the <unk> cat."));
    }

    @Test
    void aVocabularyOfSingleCharactersKeepsThePlainTokenizer() {
        assertSame(CharTokenizer.INSTANCE, Tokenizer.forVocabulary(null, List.of("a", "b", " ")));
    }
}
