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

/**
 * Reads and writes weighted point clouds as CSV, in two layouts.
 *
 * <p><b>Pair layout</b> (the layout of POT-solved reference instances): a header
 * {@code set,i,w,p0,...,p(d-1)}, then one row per point: the set ({@code x} for the source, {@code y} for
 * the target), the index within its set (0, 1, 2, ... in order), the weight and the d coordinates.
 *
 * <p><b>Plain layout</b>: one point per row, d comma-separated coordinates, an optional header row
 * (a first row that is not numeric), uniform weights.
 *
 * <p>Numbers are written with {@link Double#toString(double)}, so they read back exactly. Malformed files
 * raise an {@link IllegalArgumentException} naming the line and the offending text.
 */
public final class PointCloudCsv {

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
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
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
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        String[] columns = header.trim().split(",");
        if (columns.length < 4 || !columns[0].trim().equals("set") || !columns[1].trim().equals("i")
                || !columns[2].trim().equals("w")) {
            throw new IllegalArgumentException(source + ": header must be 'set,i,w,p0,...' but is '" + header + "'");
        }
        int d = columns.length - 3;
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
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
            int index = (int) number(f[1], source, lineNumber);
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
     * Reads a plain file: one point per row, optional header, uniform weights.
     *
     * @param file the file, plain layout
     * @return the uniform measure on the points
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DiscreteMeasure readPoints(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<double[]> points = new ArrayList<>();
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (lineNumber == 1 && !isNumber(f[0])) {
                    continue;
                }
                if (!points.isEmpty() && f.length != points.get(0).length) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": expected " + points.get(0).length
                            + " fields but found " + f.length + " in '" + line + "'");
                }
                double[] p = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    p[k] = number(f[k], file.toString(), lineNumber);
                }
                points.add(p);
            }
            if (points.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no points");
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

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String text, String source, int line) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + line + ": '" + text.trim() + "' is not a number", e);
        }
    }
}
