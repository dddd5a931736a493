package org.rnnexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine against PyTorch 1.13 in float64 on the shared reference cases (one layer, L = v · h_{T−1}). */
class PyTorchReferenceTest {
    static final double TOL = 1e-9;

    static JsonNode load(String name) throws IOException {
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/reference/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static DMatrixRMaj matrix(JsonNode n) {
        if (!n.get(0).isArray()) {
            DMatrixRMaj m = new DMatrixRMaj(1, n.size());
            for (int j = 0; j < n.size(); j++) m.data[j] = n.get(j).asDouble();
            return m;
        }
        DMatrixRMaj m = new DMatrixRMaj(n.size(), n.get(0).size());
        for (int i = 0; i < n.size(); i++)
            for (int j = 0; j < n.get(0).size(); j++) m.set(i, j, n.get(i).get(j).asDouble());
        return m;
    }

    static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn-d3-h4-t6-s1.json", "rnn-d4-h8-t30-s1.json", "lstm-d3-h4-t6-s1.json",
            "lstm-d4-h8-t30-s2.json", "gru-d3-h4-t6-s1.json", "gru-d4-h8-t30-s2.json"})
    void matchesPyTorch(String file) throws IOException {
        JsonNode ref = load(file);
        CellType cell = CellType.fromId(ref.get("cell").asText());
        int d = ref.get("inputSize").asInt(), h = ref.get("hiddenSize").asInt(), steps = ref.get("steps").asInt();
        JsonNode p = ref.get("parameters");
        LayerWeights w = new LayerWeights(matrix(p.get("weight_ih_l0")), matrix(p.get("weight_hh_l0")),
                matrix(p.get("bias_ih_l0")), matrix(p.get("bias_hh_l0")));
        RnnModel model = new RnnModel(cell, d, h, List.of(w), null, null, null, null, null, null);
        double[][] x = new double[steps][];
        for (int t = 0; t < steps; t++) x[t] = vector(ref.get("input").get(t));

        Trace trace = ForwardPass.run(model, InputBatch.ofVectors(x));
        Gradients g = BackwardPass.run(model, trace, new DotObjective(vector(ref.get("loss").get("v"))));

        assertEquals(ref.get("loss").get("value").asDouble(), g.loss(), TOL, "loss");
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < h; u++) {
                assertEquals(ref.get("h").get(t).get(u).asDouble(), trace.hidden(0, t, u), TOL, "h " + t + "," + u);
                assertEquals(ref.get("grad").get("h").get(t).get(u).asDouble(), g.layer(0).dH[t].get(0, u), TOL,
                        "dL/dh " + t + "," + u);
                if (cell == CellType.LSTM) {
                    assertEquals(ref.get("c").get(t).get(u).asDouble(), trace.cellState(0, t, u), TOL, "c");
                    assertEquals(ref.get("grad").get("c").get(t).get(u).asDouble(), g.layer(0).dC[t].get(0, u), TOL,
                            "dL/dc " + t + "," + u);
                }
                List<String> gates = cell.gateNames();
                for (int k = 0; k < gates.size(); k++) {
                    double expected = ref.get("gates").get(t).get(gates.get(k)).get(u).asDouble();
                    assertEquals(expected, trace.gate(0, k, t, u), TOL, gates.get(k) + " " + t + "," + u);
                }
            }
            for (int j = 0; j < d; j++)
                assertEquals(ref.get("grad").get("x").get(t).get(j).asDouble(), g.layer(0).dX[t].get(0, j), TOL, "dL/dx");
            assertEquals(ref.get("grad").get("hNorm").get(t).asDouble(), g.layer(0).hNorm(t), TOL, "hNorm");
        }
        JsonNode gp = ref.get("grad").get("parameters");
        for (String name : List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")) {
            DMatrixRMaj expected = matrix(gp.get(name));
            DMatrixRMaj actual = g.parameter("rnn." + name);
            for (int i = 0; i < expected.getNumElements(); i++)
                assertEquals(expected.data[i], actual.data[i], TOL, name + "[" + i + "]");
        }
    }
}
