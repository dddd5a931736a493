package org.rnnexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsATableOfAccuracyPerDelayAndCellAndWritesCsvAndChart() throws Exception {
        Path csv = dir.resolve("s.csv"), svg = dir.resolve("s.svg");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "sweep", "--delays", "2,4", "--cells", "gru",
                "--csv", csv.toString(), "--plot", svg.toString());
        assertEquals(0, code, err.toString());
        List<String> lines = out.toString().strip().lines().toList();
        assertEquals("delay      GRU", lines.get(0));
        assertTrue(lines.get(1).startsWith("2 ") && lines.get(2).startsWith("4 "), out.toString());
        assertTrue(lines.get(3).startsWith("solved"), out.toString());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("delay,cell,accuracy,loss,steps,seconds", rows.get(0));
        assertEquals(3, rows.size());
        // the table and the CSV agree
        double acc = Double.parseDouble(rows.get(1).split(",")[2]);
        assertEquals(acc, Double.parseDouble(lines.get(1).trim().split("\\s+")[1]), 0.0005);
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<?xml") && chart.contains("<svg") && chart.contains("GRU"));
    }

    @Test
    void aBadDelayIsRefused() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(out), new PrintWriter(err), "sweep", "--delays", "5,0"));
        assertTrue(err.toString().contains("--delays"), err.toString());
    }

    @Test
    void aPlotNameThatIsNeitherPngNorSvgIsRefusedBeforeTheSweep() {
        Path gif = dir.resolve("s.gif"), csv = dir.resolve("s.csv");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(out), new PrintWriter(err), "sweep", "--delays", "2", "--cells", "rnn",
                "--csv", csv.toString(), "--plot", gif.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("s.gif") && err.toString().contains(".png or .svg"), err.toString());
        assertTrue(out.toString().isEmpty(), "no sweep ran: " + out);
        assertTrue(!Files.exists(gif) && !Files.exists(csv), "no file written");
    }
}
