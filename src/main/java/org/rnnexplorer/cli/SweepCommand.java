package org.rnnexplorer.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.rnnexplorer.io.Escaped;
import org.rnnexplorer.io.StagedFiles;
import org.rnnexplorer.model.CellType;
import org.rnnexplorer.train.RecallSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains each cell on {@code recall} at each delay with the task's preset and prints held-out accuracy per delay per
 * cell, and the largest delay each cell solved (accuracy ≥ 0.95). Optionally writes the table as CSV and a chart as SVG.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Recall accuracy per delay per cell: which cell remembers how far.")
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "recall", description = "the task to sweep (recall)")
    String task;

    @Option(names = "--delays", defaultValue = "5,10,20,40,80", split = ",", description = "delays K (default: ${DEFAULT-VALUE})")
    List<Integer> delays;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru", split = ",", description = "cells (default: ${DEFAULT-VALUE})")
    List<String> cells;

    @Option(names = "--fillers", defaultValue = "8", description = "kinds of filler token (default: ${DEFAULT-VALUE})")
    int fillers;

    @Option(names = "--seed", defaultValue = "1", description = "one seed for every run (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", description = "write the table here: delay,cell,accuracy,loss,steps,seconds")
    Path csv;

    @Option(names = "--plot", description = "write a chart of accuracy against delay here (.svg or .png)")
    Path plot;

    @Override
    public Integer call() {
        if (!task.equals("recall")) throw new BadInputException("--task: the sweep knows recall only, got '" + task + "'");
        List<CellType> cs = new ArrayList<>();
        for (String c : cells) {
            CellType t = CellType.fromId(c.trim());
            if (t == null) throw new BadInputException("--cells: unknown cell '" + Escaped.text(c) + "' (rnn, lstm or gru)");
            if (cs.contains(t)) throw new BadInputException("--cells: " + t.id() + " is given twice");
            cs.add(t);
        }
        for (int i = 0; i < delays.size(); i++) {
            int d = delays.get(i);
            if (d < 1 || d > 2000) throw new BadInputException("--delays: each delay must be 1..2000, got " + d);
            if (delays.subList(0, i).contains(d)) throw new BadInputException("--delays: " + d + " is given twice");
        }
        if (fillers < 1 || fillers > 10) throw new BadInputException("--fillers must be 1..10, got " + fillers);
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--plot", plot);
        PathOptions.distinct(Map.of(), outputs);
        if (csv != null) OutputCheck.writable(csv);
        if (plot != null) {
            String name = plot.getFileName() == null ? "" : plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg"))
                throw new BadInputException("--plot " + Escaped.path(plot) + ": the name must end in .png or .svg");
            OutputCheck.writable(plot);
        }
        var err = spec.commandLine().getErr();
        RecallSweep sweep = new RecallSweep(fillers, seed);
        List<RecallSweep.Point> points = sweep.run(cs, delays, p -> {
            err.println(String.format(Locale.ROOT, "%-4s delay %3d: accuracy %.3f after %d steps, %.1f s",
                    p.cell().id(), p.delay(), p.accuracy(), p.steps(), p.seconds()));
            err.flush();
        });
        var out = spec.commandLine().getOut();
        out.print(table(points, cs));
        out.flush();
        try (StagedFiles files = new StagedFiles()) { // both files or neither
            if (csv != null) files.stage(csv, o -> o.write(csv(points).getBytes(StandardCharsets.UTF_8)));
            if (plot != null) {
                JFreeChart chart = chart(points, cs);
                if (plot.toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    files.stage(plot, o -> ChartUtils.writeChartAsPNG(o, chart, 720, 440));
                else {
                    SVGGraphics2D g = new SVGGraphics2D(720, 440);
                    chart.draw(g, new Rectangle(0, 0, 720, 440));
                    files.stage(plot, o -> o.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
                }
            }
            files.commit();
        }
        return 0;
    }

    private String table(List<RecallSweep.Point> points, List<CellType> cs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-7s", "delay"));
        for (CellType c : cs) sb.append(String.format(Locale.ROOT, " %6s", c.id().toUpperCase(Locale.ROOT)));
        sb.append('\n');
        for (int d : delays) {
            sb.append(String.format(Locale.ROOT, "%-7d", d));
            for (CellType c : cs)
                for (RecallSweep.Point p : points)
                    if (p.cell() == c && p.delay() == d) sb.append(String.format(Locale.ROOT, " %6.3f", p.accuracy()));
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-7s", "solved"));
        for (CellType c : cs) sb.append(String.format(Locale.ROOT, " %6d", RecallSweep.largestSolved(points, c)));
        sb.append("   (largest delay with accuracy >= 0.95)\n");
        return sb.toString();
    }

    private static ValueMarker marker(double y, String label) {
        ValueMarker m = new ValueMarker(y, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static String csv(List<RecallSweep.Point> points) {
        StringBuilder sb = new StringBuilder("delay,cell,accuracy,loss,steps,seconds\n");
        for (RecallSweep.Point p : points)
            sb.append(String.format(Locale.ROOT, "%d,%s,%.6f,%.6g,%d,%.2f%n", p.delay(), p.cell().id(), p.accuracy(),
                    p.loss(), p.steps(), p.seconds()));
        return sb.toString();
    }

    private static JFreeChart chart(List<RecallSweep.Point> points, List<CellType> cs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (CellType c : cs) {
            XYSeries s = new XYSeries(c.id().toUpperCase(Locale.ROOT));
            for (RecallSweep.Point p : points) if (p.cell() == c && Double.isFinite(p.accuracy())) s.add(p.delay(), p.accuracy());
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Recall after K distractors (chance 1/8)", "delay K",
                "held-out accuracy", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        LogAxis x = new LogAxis("delay K (log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1)); // one tick per power of two
        x.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setDomainAxis(x);
        plot.addRangeMarker(marker(0.95, "solved (0.95)"));
        plot.addRangeMarker(marker(1.0 / 8, "chance (1/8)"));
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.05);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < cs.size(); i++) r.setSeriesStroke(i, new BasicStroke(2.5f));
        plot.setRenderer(r);
        return chart;
    }
}
