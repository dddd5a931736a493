package org.rnnexplorer.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A numeric series as CSV: one row per step, the numbers of a row separated by commas ({@code 0.5,-1,2e-3}). The
 * first line may be a header of names (no field of it a number); blank lines are skipped. Reading is strict: a row
 * of another length than the first, a field that is not a plain decimal number, NaN or infinity, a control character
 * (other than a tab) anywhere in a line, or a file with no rows is refused with a one-line message {@code "x.csv:LINE: problem"}.
 */
public final class SeriesCsv {
    /** Most rows (steps) read. */
    public static final int MAX_ROWS = 1_000_000;
    /** Most numbers in a row. */
    public static final int MAX_COLUMNS = 100_000;
    /** Most numbers in all (400 MB as doubles). */
    public static final long MAX_NUMBERS = 50_000_000L;
    /** Largest file read (512 MB). */
    public static final long MAX_FILE_BYTES = 1L << 29;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private SeriesCsv() {
    }

    /** The rows of {@code file}, each a double[] of the same length. */
    public static double[][] read(Path file) {
        return FileReads.read(file, "CSV", MAX_FILE_BYTES, "SeriesCsv.MAX_FILE_BYTES", SeriesCsv::read);
    }

    /** The rows of UTF-8 CSV from {@code in} (not closed); {@code name} names it in messages. */
    public static double[][] read(InputStream in, String name) {
        Reader reader = new InputStreamReader(new LimitedInputStream(in, MAX_FILE_BYTES), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return read(reader, name);
        } catch (CharacterCodingException e) {
            throw new BadFileException(name, "is not a UTF-8 text file");
        } catch (LimitedInputStream.TooLarge e) {
            throw tooLarge(name);
        } catch (IOException e) {
            throw new BadFileException(name, "cannot read: " + e.getMessage());
        }
    }

    private static double[][] read(Reader reader, String name) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        int widthLine = 0;
        boolean header = false;
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            refuseControlCharacters(line, name, number);
            String[] fields = line.split(",", -1);
            if (fields.length > MAX_COLUMNS)
                throw bad(name, number, "has " + fields.length + " fields; the limit is " + MAX_COLUMNS + " (SeriesCsv.MAX_COLUMNS)");
            if (rows.isEmpty() && !header && isHeader(fields)) {
                header = true;
                continue;
            }
            double[] row = new double[fields.length];
            for (int j = 0; j < fields.length; j++) row[j] = parse(fields[j].trim(), name, number, j);
            if (width < 0) {
                width = row.length;
                widthLine = number;
            } else if (row.length != width) {
                throw bad(name, number, "has " + row.length + " numbers, expected " + width + " as on line " + widthLine);
            }
            if (rows.size() == MAX_ROWS)
                throw bad(name, number, "more than " + MAX_ROWS + " rows; the limit is " + MAX_ROWS + " (SeriesCsv.MAX_ROWS)");
            if ((long) (rows.size() + 1) * width > MAX_NUMBERS)
                throw bad(name, number, "more than " + MAX_NUMBERS + " numbers; the limit is " + MAX_NUMBERS + " (SeriesCsv.MAX_NUMBERS)");
            rows.add(row);
        }
        if (rows.isEmpty())
            throw new BadFileException(name, header ? "has a header but no rows of numbers" : "the file is empty (no rows of numbers)");
        return rows.toArray(new double[0][]);
    }

    /** A control character (other than a tab) is neither a number, a separator nor a space: refused where it is. */
    private static void refuseControlCharacters(String line, String name, int number) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\t' && Character.getType(c) == Character.CONTROL)
                throw bad(name, number, "column " + (i + 1) + " is a control character (U+" + String.format("%04X", (int) c)
                        + "); a row holds numbers, commas and spaces");
        }
    }

    /** A line where no field is a number (nor NaN/infinity, which would be a mistaken row, not names). */
    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            String s = f.trim();
            if (NUMBER.matcher(s).matches() || NOT_FINITE.matcher(s).matches()) return false;
        }
        return true;
    }

    private static double parse(String s, String name, int line, int field) {
        String where = "field " + (field + 1);
        if (s.isEmpty()) throw bad(name, line, where + " is empty");
        if (NOT_FINITE.matcher(s).matches())
            throw bad(name, line, where + " is " + s + "; only finite numbers are allowed");
        if (!NUMBER.matcher(s).matches())
            throw bad(name, line, where + " is not a number: " + shortQuote(s));
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) throw bad(name, line, where + " (" + ModelFileReader.shortNumber(s) + ") is too large for a double");
        return v;
    }

    private static String shortQuote(String s) {
        String t = s.length() > 30 ? s.substring(0, 27) + "..." : s;
        return "\"" + t.replace("\"", "\\\"") + "\"";
    }

    private static BadFileException tooLarge(String name) {
        return new BadFileException(name, "is too large; CSV files up to " + MAX_FILE_BYTES + " bytes are read (SeriesCsv.MAX_FILE_BYTES)");
    }

    private static BadFileException bad(String name, int line, String problem) {
        return new BadFileException(name + ":" + line, problem);
    }
}
