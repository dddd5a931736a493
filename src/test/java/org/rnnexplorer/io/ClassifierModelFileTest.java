package org.rnnexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.model.RnnModel;

/** A classifier's model file: {@code labels} name the readout's outputs, which need not be the vocabulary's size. */
class ClassifierModelFileTest {
    private static RnnModel classifier(List<String> labels) {
        RnnModel m = RnnModel.zeros(CellType.GRU, 3, 2, 1, 0, 2, null, null);
        return new RnnModel(CellType.GRU, 3, 2, m.layers(), null, m.headWeight(), m.headBias(), List.of("a", "b", "c"),
                "char", Map.of(RnnModel.LABELS, labels));
    }

    @Test
    void theLabelsNameTheOutputsAndSurviveTheFile() {
        RnnModel m = classifier(List.of("yes", "no"));
        RnnModel back = ModelFile.fromJson(ModelFile.toJson(m), "c.json");
        assertTrue(back.isClassifier());
        assertEquals(List.of("yes", "no"), back.labels());
        assertEquals(2, back.outputSize());
        assertEquals(3, back.tokenCount());
    }

    @Test
    void labelsOfAnotherCountThanTheOutputsAreRefused() {
        String json = ModelFile.toJson(classifier(List.of("yes", "no"))).replace("[\"yes\",\"no\"]", "[\"yes\",\"no\",\"maybe\"]");
        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.fromJson(json, "c.json"));
        assertTrue(e.getMessage().startsWith("c.json: head.weight has 2 rows, expected 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> classifier(List.of("one")));
    }
}
