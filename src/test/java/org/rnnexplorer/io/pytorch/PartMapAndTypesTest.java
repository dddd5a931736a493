package org.rnnexplorer.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --map} as typed, and float16 read exactly. */
class PartMapAndTypesTest {
    @Test
    void theMapNamesEachPartOnce() {
        PartMap m = PartMap.parse("rnn=model.lstm., embedding = model.emb ,head=none");
        assertEquals("model.lstm", m.rnn());
        assertEquals("model.emb", m.embedding());
        assertEquals("none", m.head());
        assertNull(m.vocabulary());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PartMap.parse("rnn=a,rnn=b")).getMessage()
                .contains("rnn is given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PartMap.parse("lstm")).getMessage()
                .contains("expected PART=NAME"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PartMap.parse("rnn=none")).getMessage()
                .contains("rnn cannot be none"));
    }

    @Test
    void float16IsReadExactly() {
        // sign, exponent and fraction bits as IEEE 754 defines binary16
        assertEquals(1.0, DType.halfToDouble((short) 0x3c00));
        assertEquals(-2.0, DType.halfToDouble((short) 0xc000));
        assertEquals(65504.0, DType.halfToDouble((short) 0x7bff));
        assertEquals(Math.pow(2, -24), DType.halfToDouble((short) 0x0001));
        assertEquals(Math.pow(2, -14), DType.halfToDouble((short) 0x0400));
        assertEquals(1.0 + 1.0 / 1024, DType.halfToDouble((short) 0x3c01));
        assertEquals(Double.NEGATIVE_INFINITY, DType.halfToDouble((short) 0xfc00));
        assertTrue(Double.isNaN(DType.halfToDouble((short) 0x7e00)));
        assertEquals(-0.0, DType.halfToDouble((short) 0x8000));
    }
}
