package io.github.ot4j.core.io;

import io.github.ot4j.core.DiscreteMeasure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes weighted point clouds as CSV, in two layouts.
 *
 * <p><b>Pair layout</b> (the layout of POT-solved reference instances): a header
 * {@code set,i,w,p0,...,p(d-1)}, then one row per point: the set ({@code x} for the source, {@code y} for
 * the target), the index within its set (the integers 0, 1, 2, ... in order), the weight and the d
 * coordinates.
 *
 * <p><b>Plain layout</b>: one point per row, d comma-separated coordinates, uniform weights, and an optional
 * header. The first non-blank line is a header when <em>every</em> field is a name: it starts with a letter
 * or an underscore (after trimming and an optional pair of double quotes) and is not a number word
 * ({@code nan}, {@code inf}, {@code infinity}, in any case). So {@code px,py} and {@code "x","y"} are
 * headers, while a first line such as {@code nan,1}, {@code inf,2}, {@code 1.0.0,3}, {@code 1,,2} or
 * {@code px,1} is a data row, and being malformed it is an error naming line 1 — never a silently dropped
 * point.
 *
 * <p>Both readers skip blank lines and a leading UTF-8 byte order mark. Numbers are read with
 * {@link Double#parseDouble(String)} and must be finite; they are written with
 * {@link Double#toString(double)}, so they read back exactly. Malformed files raise an
 * {@link IllegalArgumentException} naming the file, the line and the offending text; null arguments raise
 * one naming the argument.
 */
public final class PointCloudCsv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Set<String> NUMBER_WORDS = Set.of("nan", "inf", "infinity");

    private PointCloudCsv() {
    }

    /**
     * Reads a pair file.
     *
     * @param file the file, pair layout
     * @return the source and target measures
     * @throws UncheckedIOException if the file cannot be read
     */
    public static MeasurePair readPair(Path file) {
        requireNonNull("file", file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readPair(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads a pair from a reader (for example a class-path resource).
     *
     * @param reader the CSV text, pair layout; not closed
     * @param source a name of the source for messages
     * @return the source and target measures
     * @throws IOException if reading fails
     */
    public static MeasurePair readPair(Reader reader, String source) throws IOException {
        requireNonNull("reader", reader);
        requireNonNull("source", source);
        Lines in = new Lines(reader);
        String header = in.next();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        String[] columns = header.trim().split(",");
        if (columns.length < 4 || !columns[0].trim().equals("set") || !columns[1].trim().equals("i")
                || !columns[2].trim().equals("w")) {
            throw new IllegalArgumentException(source + ":" + in.number + ": header must be 'set,i,w,p0,...' but is '"
                    + header + "'");
        }
        int d = columns.length - 3;
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        String line;
        while ((line = in.next()) != null) {
            int lineNumber = in.number;
            String[] f = line.split(",", -1);
            if (f.length != d + 3) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": expected " + (d + 3)
                        + " fields but found " + f.length + " in '" + line + "'");
            }
            String set = f[0].trim();
            List<double[]> points;
            List<Double> weights;
            if (set.equals("x")) {
                points = xs;
                weights = wx;
            } else if (set.equals("y")) {
                points = ys;
                weights = wy;
            } else {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": set must be 'x' or 'y' but is '"
                        + set + "'");
            }
            int index = index(f[1], source, lineNumber);
            if (index != points.size()) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": index of set " + set + " must be "
                        + points.size() + " but is '" + f[1].trim() + "'");
            }
            weights.add(number(f[2], source, lineNumber));
            double[] p = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = number(f[3 + k], source, lineNumber);
            }
            points.add(p);
        }
        return new MeasurePair(measure(xs, wx, source, "x"), measure(ys, wy, source, "y"));
    }

    /**
     * Writes a pair file.
     *
     * @param file the file to write (replaced if it exists)
     * @param pair the measures
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writePair(Path file, MeasurePair pair) {
        requireNonNull("file", file);
        requireNonNull("pair", pair);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int d = pair.x().dimension();
            StringBuilder header = new StringBuilder("set,i,w");
            for (int k = 0; k < d; k++) {
                header.append(",p").append(k);
            }
            out.write(header.append('\n').toString());
            writeSet(out, "x", pair.x());
            writeSet(out, "y", pair.y());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a plain file: one point per row, an optional header (see the class comment for what is a header),
     * uniform weights.
     *
     * @param file the file, plain layout
     * @return the uniform measure on the points
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DiscreteMeasure readPoints(Path file) {
        requireNonNull("file", file);
        String source = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Lines in = new Lines(reader);
            List<double[]> points = new ArrayList<>();
            String line;
            boolean first = true;
            while ((line = in.next()) != null) {
                String[] f = line.split(",", -1);
                if (first) {
                    first = false;
                    if (isHeader(f)) {
                        continue;
                    }
                }
                if (!points.isEmpty() && f.length != points.get(0).length) {
                    throw new IllegalArgumentException(source + ":" + in.number + ": expected "
                            + points.get(0).length + " fields but found " + f.length + " in '" + line + "'");
                }
                double[] p = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    p[k] = number(f[k], source, in.number);
                }
                points.add(p);
            }
            if (points.isEmpty()) {
                throw new IllegalArgumentException(source + " holds no points");
            }
            return DiscreteMeasure.uniform(points.toArray(new double[0][]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes a plain file: one point per row, no header (weights are not written).
     *
     * @param file    the file to write (replaced if it exists)
     * @param measure the points
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writePoints(Path file, DiscreteMeasure measure) {
        requireNonNull("file", file);
        requireNonNull("measure", measure);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < measure.size(); i++) {
                StringBuilder row = new StringBuilder();
                for (int k = 0; k < measure.dimension(); k++) {
                    if (k > 0) {
                        row.append(',');
                    }
                    row.append(measure.coordinate(i, k));
                }
                out.write(row.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Whether a first line's fields are a header: each one a name (see the class comment).
     *
     * @param fields the fields of the line
     * @return whether every field is a name
     */
    static boolean isHeader(String[] fields) {
        for (String field : fields) {
            if (!isName(field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String field) {
        String s = field.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1).trim();
        }
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return (Character.isLetter(c) || c == '_') && !NUMBER_WORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    private static void writeSet(Writer out, String set, DiscreteMeasure measure) throws IOException {
        for (int i = 0; i < measure.size(); i++) {
            StringBuilder row = new StringBuilder(set).append(',').append(i).append(',').append(measure.weight(i));
            for (int k = 0; k < measure.dimension(); k++) {
                row.append(',').append(measure.coordinate(i, k));
            }
            out.write(row.append('\n').toString());
        }
    }

    private static DiscreteMeasure measure(List<double[]> points, List<Double> weights, String source, String set) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no points of set " + set);
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return DiscreteMeasure.of(points.toArray(new double[0][]), w);
    }

    private static int index(String text, String source, int line) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + line + ": index '" + text.trim()
                    + "' is not an integer", e);
        }
    }

    private static double number(String text, String source, int line) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + line + ": '" + text.trim() + "' is not a number", e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(source + ":" + line + ": '" + text.trim() + "' is not finite");
        }
        return value;
    }

    private static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** The non-blank lines of a text, numbered from 1, with a leading byte order mark removed. */
    private static final class Lines {

        private final BufferedReader in;
        private int number;

        Lines(Reader reader) {
            this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        }

        /** @return the next non-blank line, or null at the end; {@link #number} is its line number */
        String next() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }
    }
}
