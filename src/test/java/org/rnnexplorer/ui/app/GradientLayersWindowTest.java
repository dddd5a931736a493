package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.model.BackwardPass;
import org.rnnexplorer.model.GradientNormCurve;
import org.rnnexplorer.model.Gradients;
import org.rnnexplorer.analysis.GradientObjective;
import org.rnnexplorer.ui.explorer.trace.ModelSource;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Gradient panel of a model of two layers draws a line for each, named in the legend. */
@ExtendWith(ApplicationExtension.class)
class GradientLayersWindowTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    @Test
    void aTwoLayerModelHasOneCurvePerLayer(FxRobot robot) throws Exception {
        page.waitForTrace();
        page.open(new ModelSource.OnDisk(ExplorerPage.REFERENCE_GRU));
        page.waitForOpen("charlm-gru-2layer.json");
        robot.clickOn("Gradient");
        ExplorerPage.waitUntil(() -> page.vms.gradient.chartProperty().get() != null);
        XYDataset shown = page.gradientPanel().shownChart().getXYPlot().getDataset();
        assertEquals(2, shown.getSeriesCount());
        assertEquals("GRU, layer 1", shown.getSeriesKey(0).toString());
        assertEquals("GRU, layer 2 (top)", shown.getSeriesKey(1).toString());
        assertTrue(page.gradientPanel().shownChart().getLegend() != null, "a legend names the layers");
        assertTrue(page.text(".gradient-caption").endsWith("one line per layer"), page.text(".gradient-caption"));

        // each line is that layer's ‖∂L/∂h_t‖ against the steps back, divided by the top layer's where the error enters
        TraceResult r = page.trace.result();
        Gradients g = new Gradients(r.model(), 1, r.steps()).withInputGradient(false);
        BackwardPass.run(r.model(), r.original(),
                GradientObjective.defaultFor(r.model()).objectiveFor(r.model(), r.input().batch()), List.of(), g);
        double[] top = GradientNormCurve.hidden(g, 1), bottom = GradientNormCurve.hidden(g, 0);
        int anchor = 0;
        while (!(top[anchor] > 0)) anchor++;
        for (int layer = 0; layer < 2; layer++) {
            double[] norm = layer == 0 ? bottom : top;
            int item = 0;
            for (int k = 0; k < norm.length; k++) {
                if (!(norm[k] > 0)) continue;
                assertEquals(k, shown.getXValue(layer, item), 0);
                assertEquals(norm[k] / top[anchor], shown.getYValue(layer, item), 1e-12 * norm[k] / top[anchor]);
                item++;
            }
            assertEquals(item, shown.getItemCount(layer));
        }
        assertTrue(shown.getItemCount(0) > 10);
    }
}
