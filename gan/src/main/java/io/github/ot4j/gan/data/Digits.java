package io.github.ot4j.gan.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The UCI "Optical Recognition of Handwritten Digits" test set (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0):
 * 1797 images of 8 × 8 pixels with integer intensities 0..16 and a label 0..9, shipped with this library as
 * {@code io/github/ot4j/gan/data/digits.csv.gz} (see the NOTICE next to it).
 *
 * <p>Pixels are scaled to [−1, 1] by p ↦ p/8 − 1, the range of a tanh generator output. Row-major: pixel
 * (r, c) is feature 8r + c.
 *
 * @param pixels n × 64 scaled pixels in [−1, 1]
 * @param labels n labels in 0..9
 */
public record Digits(double[][] pixels, int[] labels) {

    /** The number of pixels of an image, 8 × 8. */
    public static final int PIXELS = 64;
    /** The side of an image in pixels. */
    public static final int SIDE = 8;
    /** The largest raw intensity. */
    public static final int MAX_INTENSITY = 16;
    /** The number of images of the shipped file. */
    public static final int SHIPPED_SIZE = 1797;

    private static final String RESOURCE = "digits.csv.gz";

    /**
     * @param pixels n × 64 scaled pixels in [−1, 1]; copied
     * @param labels n labels in 0..9; copied
     */
    public Digits {
        pixels = DataChecks.finiteRows("pixels", pixels);
        if (pixels[0].length != PIXELS) {
            throw new IllegalArgumentException("pixels must have " + PIXELS + " columns but has " + pixels[0].length);
        }
        if (labels == null || labels.length != pixels.length) {
            throw new IllegalArgumentException("labels must have " + pixels.length + " entries but has "
                    + (labels == null ? "null" : labels.length));
        }
        for (int i = 0; i < pixels.length; i++) {
            for (int k = 0; k < PIXELS; k++) {
                if (pixels[i][k] < -1 || pixels[i][k] > 1) {
                    throw new IllegalArgumentException("pixels[" + i + "][" + k + "] must be in [-1, 1] but is "
                            + pixels[i][k]);
                }
            }
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("labels[" + i + "] must be in 0..9 but is " + labels[i]);
            }
        }
        labels = labels.clone();
    }

    /** @return a copy of the scaled pixels */
    @Override
    public double[][] pixels() {
        return DataChecks.copy(pixels);
    }

    /** @return a copy of the labels */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** @return the number of images n */
    public int size() {
        return labels.length;
    }

    /** @return the images as a reproducible data source of dimension 64 */
    public ArrayDataSource asDataSource() {
        return ArrayDataSource.of(pixels);
    }

    /**
     * Loads the shipped data set.
     *
     * @return the 1797 digits
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static Digits load() {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the classpath");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
        }
    }

    /**
     * Loads a file in the shipped format: gzip-compressed CSV, one image per line, 64 integers 0..16 followed by
     * the label 0..9.
     *
     * @param file the {@code .csv.gz} file
     * @return the digits
     * @throws IOException              if the file cannot be read or is not gzip
     * @throws IllegalArgumentException naming the line and column if the content is malformed
     */
    public static Digits load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static Digits read(InputStream compressed, String source) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(compressed), StandardCharsets.US_ASCII))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != PIXELS + 1) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + " has " + fields.length
                            + " fields but must have " + (PIXELS + 1) + " (64 pixels and a label)");
                }
                double[] row = new double[PIXELS];
                for (int k = 0; k < PIXELS; k++) {
                    int p = parse(fields[k], source, lineNumber, k);
                    if (p < 0 || p > MAX_INTENSITY) {
                        throw new IllegalArgumentException(source + " line " + lineNumber + " pixel " + k
                                + " must be in 0.." + MAX_INTENSITY + " but is " + p);
                    }
                    row[k] = p / (MAX_INTENSITY / 2.0) - 1.0;
                }
                int label = parse(fields[PIXELS], source, lineNumber, PIXELS);
                if (label < 0 || label > 9) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + " label must be in 0..9 but is "
                            + label);
                }
                rows.add(row);
                labels.add(label);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no images");
        }
        return new Digits(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int parse(String field, String source, int line, int column) {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + line + " column " + column
                    + " must be an integer but is '" + field + "'", e);
        }
    }

    @Override
    public String toString() {
        return "Digits[n=" + size() + "]";
    }
}
