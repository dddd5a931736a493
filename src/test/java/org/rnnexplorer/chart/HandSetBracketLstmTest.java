package org.rnnexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.model.ForwardPass;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import org.rnnexplorer.model.Trace;

/** The hand-set LSTM behind the README's gate plot does what its description says, and the committed file is it. */
class HandSetBracketLstmTest {
    static final Path FILE = Path.of("docs/plots/brackets-lstm-handset.json");

    @Test
    void unitZeroHoldsInsideBracketsAndItsForgetGateClosesAtTheClosingBracket() {
        RnnModel m = HandSetBracketLstm.model();
        String text = "ab (ab a) b (b a) a";
        List<String> tokens = text.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        Trace t = ForwardPass.run(m, InputBatch.ofTokens(Vocabulary.of(m.vocabulary()).encode(tokens)));
        boolean inside = false;
        for (int s = 0; s < tokens.size(); s++) {
            String tok = tokens.get(s);
            if (tok.equals("(")) inside = true;
            double f = t.gate(0, 1, s, 0);
            if (tok.equals(")")) {
                assertTrue(f < 0.01, "forget gate closes at ')' (step " + s + "): " + f);
                inside = false;
            } else {
                assertTrue(f > 0.99, "forget gate stays open elsewhere (step " + s + "): " + f);
            }
            assertEquals(inside ? 1.0 : 0.0, t.cellState(0, s, 0), 0.05, "c holds 'inside brackets' at step " + s);
            if (tok.equals("a") || tok.equals("b"))
                assertTrue(tok.equals("a") ? t.cellState(0, s, 1) > 0.4 : t.cellState(0, s, 1) < -0.4,
                        "unit 1 stores the letter: + for a, − for b, at step " + s);
            assertEquals(0.5, t.gate(0, 1, s, 1), 0.05, "unit 1 forgets half each step");
        }
    }

    @Test
    void theCommittedModelFileIsThisModel() throws Exception {
        String write = System.getProperty("handset.write");
        if (write != null) ModelFile.write(HandSetBracketLstm.model(), Path.of(write));
        RnnModel committed = ModelFile.read(FILE);
        RnnModel made = HandSetBracketLstm.model();
        assertEquals(made.vocabulary(), committed.vocabulary());
        for (var e : made.namedParameters().entrySet())
            assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(e.getValue(),
                    committed.namedParameters().get(e.getKey()), 0.0), e.getKey());
        assertTrue(Files.readString(FILE).contains("hand-set LSTM (not trained)"));
    }
}
