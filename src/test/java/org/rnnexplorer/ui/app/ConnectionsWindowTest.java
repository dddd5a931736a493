package org.rnnexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnexplorer.analysis.Connectivity;
import org.rnnexplorer.analysis.PredictionTarget;
import org.rnnexplorer.ui.connect.ConnectionLights;
import org.rnnexplorer.ui.explorer.strip.SequenceStrip;
import org.rnnexplorer.ui.explorer.trace.TraceResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Hovering a chip of the sequence strip lights the earlier chips by how much its prediction depends on them. */
@ExtendWith(ApplicationExtension.class)
class ConnectionsWindowTest {
    ExplorerPage page;

    @Start
    void start(Stage stage) {
        page = ExplorerPage.show(stage);
    }

    @Test
    void hoveringAChipLightsTheEarlierChipsWithTheirConnectivity(FxRobot robot) throws Exception {
        page.openReferenceLstm();
        List<SequenceStrip.Chip> chips = page.chips();
        SequenceStrip.Chip hovered = chips.get(9);
        assertEquals("", hovered.lightText(), "nothing is lit before a hover");
        robot.moveTo(hovered);
        ExplorerPage.waitUntil(() -> page.vms.connectivity.litProperty().get() != null
                && page.vms.connectivity.litProperty().get().row().step() == 9);
        TraceResult r = page.trace.result();
        Connectivity.Row row = Connectivity.atStep(r.model(), r.input().batch(), 9, PredictionTarget.PREDICTED_TOKEN);
        for (SequenceStrip.Chip c : page.chips()) {
            int t = c.step();
            if (t < 0) continue;
            if (t <= 9) assertEquals(ConnectionLights.text(row.norms()[t]), c.lightText(), "chip of step " + (t + 1));
            else assertEquals("", c.lightText(), "a later chip stays unlit (step " + (t + 1) + ")");
        }
        assertTrue(page.text(".strip-note").startsWith("Step 10 → '"),
                page.text(".strip-note"));
        robot.moveTo(".step-label");
        ExplorerPage.waitUntil(() -> page.vms.connectivity.litProperty().get() == null);
        assertEquals("", page.chips().get(0).lightText(), "moving off the chips puts the lights out");
    }
}
