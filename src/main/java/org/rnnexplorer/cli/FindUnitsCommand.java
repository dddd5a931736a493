package org.rnnexplorer.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnexplorer.analysis.BuiltInHypothesis;
import org.rnnexplorer.analysis.ChunkedForwardSeries;
import org.rnnexplorer.analysis.Hypothesis;
import org.rnnexplorer.analysis.HypothesisSummary;
import org.rnnexplorer.analysis.MarkedRangeHypothesis;
import org.rnnexplorer.analysis.Ranking;
import org.rnnexplorer.analysis.RegexHypothesis;
import org.rnnexplorer.analysis.Target;
import org.rnnexplorer.analysis.TokenizedText;
import org.rnnexplorer.analysis.UnitFinder;
import org.rnnexplorer.analysis.UnitScore;
import org.rnnexplorer.analysis.UnitSeries;
import org.rnnexplorer.data.InputLimits;
import org.rnnexplorer.data.Tokenizer;
import org.rnnexplorer.data.UnknownTokenException;
import org.rnnexplorer.data.Vocabulary;
import org.rnnexplorer.io.AtomicFiles;
import org.rnnexplorer.io.BadFileException;
import org.rnnexplorer.io.ModelFile;
import org.rnnexplorer.io.TextFile;
import org.rnnexplorer.model.InputBatch;
import org.rnnexplorer.model.RnnModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code find-units --model M --text-file F (--hypothesis NAME | --regex R | --range FROM:TO | --summary) [--out CSV]}:
 * runs the model over the text (in chunks, carrying the state) and scores every unit of every layer and quantity
 * (h, c, each gate) against the hypothesis with {@link UnitFinder}: the ranking as CSV, best |r| first; or, with
 * {@code --summary}, per built-in hypothesis how many series reach {@code --min-correlation}.
 */
@Command(name = "find-units", mixinStandardHelpOptions = true,
        description = "Rank every unit (h, c, each gate, every layer) by how well it follows a hypothesis about the text.")
public final class FindUnitsCommand implements Callable<Integer> {
    private static final int CHUNK = 1024;
    private static final int SHOWN = 5;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--text-file", required = true, paramLabel = "F.txt", description = "the text to run the model over (UTF-8)")
    Path textFile;

    @ArgGroup(multiplicity = "1")
    Question question;

    static final class Question {
        @Option(names = "--hypothesis", paramLabel = "NAME", completionCandidates = HypothesisNames.class,
                description = "a built-in hypothesis: ${COMPLETION-CANDIDATES}")
        String hypothesis;

        @Option(names = "--regex", paramLabel = "R", description = "1 inside a match of this regular expression over the text (Java syntax), 0 outside")
        String regex;

        @Option(names = "--range", paramLabel = "FROM:TO", description = "1 on the characters FROM .. TO-1 (counted from 0), 0 elsewhere")
        String range;

        @Option(names = "--summary", description = "for every built-in hypothesis, how many series reach --min-correlation")
        boolean summary;
    }

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "X",
            description = "a unit is on where its value (flipped for a falling unit: -x, or 1-x for a sigmoid gate) is above X (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--top", paramLabel = "N", description = "write only the N best series (default: all)")
    Integer top;

    @Option(names = "--min-correlation", defaultValue = "0.5", paramLabel = "C",
            description = "--summary: count the series with |r| >= C (default: ${DEFAULT-VALUE})")
    double minCorrelation;

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N tokens of the text (at most " + InputLimits.MAX_STEPS + ")")
    Integer limit;

    @Option(names = "--threads", paramLabel = "N", description = "scoring threads (default: one per processor)")
    Integer threads;

    @Option(names = "--out", paramLabel = "CSV", description = "write the CSV here (default: print it)")
    Path out;

    @Spec
    CommandSpec spec;

    /** The built-in hypotheses' names, for the help text. */
    static final class HypothesisNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(BuiltInHypothesis.values()).map(BuiltInHypothesis::id).iterator();
        }
    }

    @Override
    public Integer call() {
        checkOptions();
        if (out != null) OutputCheck.writable(out);
        RnnModel m = modelOption.read();
        if (!m.takesTokens() || m.vocabulary().isEmpty())
            throw new BadFileException(modelOption.file, "the model reads numbers, not text (it has no vocabulary)");
        TokenizedText text = tokens(m, TextFile.read(textFile));
        int[] ids;
        try {
            ids = Vocabulary.of(m.vocabulary()).encode(text.tokens());
        } catch (UnknownTokenException e) {
            throw new BadFileException(textFile, "has " + unit(text) + " outside the model's vocabulary: "
                    + e.describePositions(unit(text)));
        }
        UnitSeries series = new ChunkedForwardSeries(m, InputBatch.ofTokens(ids), CHUNK);
        UnitFinder.Options options = UnitFinder.Options.defaults().withThreshold(threshold);
        if (threads != null) options = options.withThreads(threads);
        if (question.summary) {
            List<HypothesisSummary> rows = HypothesisSummary.ofBuiltIns(series, text, options, minCorrelation,
                    UnitFinder.Progress.NONE);
            write(w -> summaryCsv(rows, w));
            if (out != null) printSummary(rows, text);
            return 0;
        }
        Hypothesis h = hypothesis(text);
        Target target = h.target(text);
        if (target.isConstant())
            throw new BadFileException(textFile, h.id() + " is " + number(target.values()[0]) + " at every one of the "
                    + text.steps() + " " + unit(text) + ", so no unit can follow it");
        Ranking ranking = UnitFinder.rank(series, target, options);
        List<UnitScore> rows = ranking.top(top == null ? Integer.MAX_VALUE : top);
        write(w -> rankingCsv(rows, w));
        if (out != null) printRanking(ranking, text);
        return 0;
    }

    private void checkOptions() {
        if (!Double.isFinite(threshold)) throw new BadInputException("--threshold must be a number, got " + threshold);
        if (!(minCorrelation >= 0 && minCorrelation <= 1))
            throw new BadInputException("--min-correlation must be between 0 and 1, got " + minCorrelation);
        if (top != null && top < 1) throw new BadInputException("--top must be at least 1, got " + top);
        if (threads != null && threads < 1) throw new BadInputException("--threads must be at least 1, got " + threads);
        if (limit != null && (limit < 1 || limit > InputLimits.MAX_STEPS))
            throw new BadInputException("--limit must be 1 to " + InputLimits.MAX_STEPS + ", got " + limit);
    }

    private TokenizedText tokens(RnnModel m, String raw) {
        Tokenizer tokenizer = Tokenizer.named(m.tokenizer() == null ? "char" : m.tokenizer());
        TokenizedText text = TokenizedText.of(raw, tokenizer, limit == null ? InputLimits.MAX_STEPS + 1 : limit);
        if (text.steps() == 0) throw new BadFileException(textFile, "has no " + tokenizer.id() + " tokens");
        if (text.steps() > InputLimits.MAX_STEPS)
            throw new BadFileException(textFile, String.format(Locale.ROOT, "has more than %,d %s, the most one "
                    + "trace may have (InputLimits.MAX_STEPS); give --limit N to use the first N", InputLimits.MAX_STEPS,
                    unit(text)));
        if (text.steps() < 2) throw new BadFileException(textFile, "has one " + unit(text).replaceAll("s$", "")
                + "; a correlation needs at least 2 steps");
        return text;
    }

    private Hypothesis hypothesis(TokenizedText text) {
        if (question.hypothesis != null) {
            BuiltInHypothesis h = BuiltInHypothesis.named(question.hypothesis);
            if (h == null)
                throw new BadInputException("--hypothesis: unknown hypothesis '" + question.hypothesis + "'; the names are "
                        + BuiltInHypothesis.names());
            return h;
        }
        if (question.regex != null) {
            if (question.regex.isEmpty()) throw new BadInputException("--regex is empty");
            try {
                return new RegexHypothesis(question.regex);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--regex: " + e.getMessage());
            }
        }
        return range(text.text());
    }

    /** {@code FROM:TO} in characters (code points) from 0, TO excluded, as String indices. */
    private Hypothesis range(String s) {
        String[] parts = question.range.split(":", -1);
        int from, to;
        try {
            if (parts.length != 2) throw new NumberFormatException();
            from = Integer.parseInt(parts[0].trim());
            to = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--range: expected FROM:TO, two whole numbers such as 120:180, got '" + question.range + "'");
        }
        int chars = s.codePointCount(0, s.length());
        if (from < 0 || to <= from || to > chars)
            throw new BadInputException("--range " + question.range + ": needs 0 <= FROM < TO <= " + chars
                    + " (the characters of " + textFile + ")");
        return new MarkedRangeHypothesis(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    private interface Csv {
        void writeTo(Writer w) throws IOException;
    }

    private void write(Csv csv) {
        if (out != null) {
            AtomicFiles.writeText(out, csv::writeTo);
            return;
        }
        try {
            Writer w = spec.commandLine().getOut();
            csv.writeTo(w);
            w.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rankingCsv(List<UnitScore> rows, Writer w) throws IOException {
        w.write("rank,layer,quantity,unit,series,correlation,precision,recall,on_steps\n");
        int rank = 1;
        for (UnitScore s : rows)
            w.write(String.format(Locale.ROOT, "%d,%d,%s,%d,%s,%s,%s,%s,%d%n", rank++, s.series().layer(),
                    s.series().quantity().id(), s.series().unit(), s.series().label(), number(s.correlation()),
                    number(s.precision()), number(s.recall()), s.onSteps()));
    }

    private static void summaryCsv(List<HypothesisSummary> rows, Writer w) throws IOException {
        w.write("hypothesis,min_correlation,passing,best_series,best_correlation,best_precision,best_recall,constant\n");
        for (HypothesisSummary s : rows)
            w.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%s,%b%n", s.hypothesis(), number(s.minCorrelation()),
                    s.passing(), s.best().series().label(), number(s.best().correlation()),
                    number(s.best().precision()), number(s.best().recall()), s.constant()));
    }

    /** A number for the CSV: up to 6 significant digits; empty for NaN (undefined). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceAll("\\.(e|$)", "$1");
    }

    private void printRanking(Ranking r, TokenizedText text) {
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d series of %s over %d %s ranked against %s (on: value above %s)%n", out,
                r.scores().size(), modelOption.file.getFileName(), text.steps(), unit(text), r.hypothesis(), number(threshold));
        for (UnitScore s : r.top(SHOWN))
            o.printf(Locale.ROOT, "  %-16s r = %+.3f  precision %s  recall %s%n", s.series().label(), s.correlation(),
                    percent(s.precision()), percent(s.recall()));
        o.flush();
    }

    private void printSummary(List<HypothesisSummary> rows, TokenizedText text) {
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: series of %s over %d %s with |r| >= %s, per hypothesis%n", out,
                modelOption.file.getFileName(), text.steps(), unit(text), number(minCorrelation));
        for (HypothesisSummary s : rows)
            o.printf(Locale.ROOT, "  %-14s %s%n", s.hypothesis(), s.constant() ? "constant on this text"
                    : String.format(Locale.ROOT, "%5d   best %-16s r = %+.3f", s.passing(), s.best().series().label(),
                    s.best().correlation()));
        o.flush();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "  -  " : String.format(Locale.ROOT, "%4.0f%%", 100 * v);
    }

    private static String unit(TokenizedText text) {
        return text.dropsWhitespace() ? "tokens" : "characters";
    }
}
