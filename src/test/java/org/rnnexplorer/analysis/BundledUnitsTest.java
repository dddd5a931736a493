package org.rnnexplorer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.CharTokenizer;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.data.tasks.BracketsTask;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;

/**
 * On the bundled bracket LSTM, the finder names the units the README and {@code index.json} describe: cell unit 29
 * for the bracket depth and cell unit 8 for the inside of a quote, first among all 192 series (h, c, 4 gates).
 */
class BundledUnitsTest {

    static RnnModel bracketsLstm() throws Exception {
        try (InputStream in = BundledUnitsTest.class.getResourceAsStream("/bundled/models/brackets-lstm.json")) {
            assertNotNull(in, "brackets-lstm.json is on the class path under /bundled/models");
            return ModelFile.read(in, "brackets-lstm.json");
        }
    }

    @Test
    void cellUnit29LeadsForBracketDepthAndCellUnit8ForInsideQuotes() throws Exception {
        RnnModel lstm = bracketsLstm();
        String text = BracketsTask.text(new Random(123), 3000).substring(0, 3000);
        TokenizedText tokens = TokenizedText.of(text, CharTokenizer.INSTANCE);
        int[] ids = Vocabulary.of(lstm.vocabulary()).encode(tokens.tokens());
        UnitSeries series = new ChunkedForwardSeries(lstm, InputBatch.ofTokens(ids), 700);
        List<Ranking> rankings = UnitFinder.rank(series,
                List.of(BuiltInHypothesis.BRACKET_DEPTH.target(tokens), BuiltInHypothesis.INSIDE_QUOTES.target(tokens)),
                UnitFinder.Options.defaults(), UnitFinder.Progress.NONE);
        UnitScore depth = rankings.get(0).best(), quote = rankings.get(1).best();
        assertEquals("l0.c.29", depth.series().label());
        assertTrue(Math.abs(depth.correlation()) > 0.9, "depth r = " + depth.correlation());
        assertEquals("l0.c.8", quote.series().label());
        assertTrue(Math.abs(quote.correlation()) > 0.75, "quote r = " + quote.correlation());
    }
}
