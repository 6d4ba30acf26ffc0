package io.github.ot4j.gan.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigitsTest {

    @TempDir
    Path folder;

    @Test
    void shippedSetHasTheUciShapeAndClassCounts() {
        Digits digits = Digits.load();
        assertThat(digits.size()).isEqualTo(Digits.SHIPPED_SIZE);
        double[][] pixels = digits.pixels();
        assertThat(pixels[0]).hasSize(64);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : pixels) {
            for (double p : row) {
                min = Math.min(min, p);
                max = Math.max(max, p);
                // the scaled value of an integer intensity 0..16: a multiple of 1/8 in [-1, 1]
                assertThat(p * 8).isEqualTo(Math.rint(p * 8));
            }
        }
        assertThat(min).isEqualTo(-1.0);
        assertThat(max).isEqualTo(1.0);
        // class distribution of optdigits.tes from the UCI documentation
        int[] expected = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
        int[] counts = new int[10];
        for (int label : digits.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(expected);
    }

    @Test
    void loadsAValidFileAndScalesPixels() throws IOException {
        Path file = gzip("digits.csv.gz", row(0, 3) + "\n" + row(16, 7) + "\n");
        Digits digits = Digits.load(file);
        assertThat(digits.size()).isEqualTo(2);
        assertThat(digits.pixels()[0]).containsOnly(-1.0);
        assertThat(digits.pixels()[1]).containsOnly(1.0);
        assertThat(digits.labels()).containsExactly(3, 7);
    }

    @Test
    void rejectsMalformedContentNamingLineAndColumn() throws IOException {
        assertThatThrownBy(() -> Digits.load(gzip("a.gz", row(0, 1) + "\n1,2,3\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2 has 3 fields");
        assertThatThrownBy(() -> Digits.load(gzip("b.gz", row(17, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 pixel 0 must be in 0..16 but is 17");
        assertThatThrownBy(() -> Digits.load(gzip("c.gz", row(0, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label must be in 0..9 but is 10");
        assertThatThrownBy(() -> Digits.load(gzip("d.gz", row(0, 1).replaceFirst("0", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 column 0 must be an integer but is 'x'");
        assertThatThrownBy(() -> Digits.load(gzip("e.gz", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no images");
    }

    @Test
    void rejectsAFileThatIsNotGzip() throws IOException {
        Path plain = folder.resolve("plain.csv");
        Files.writeString(plain, row(0, 1));
        assertThatThrownBy(() -> Digits.load(plain)).isInstanceOf(IOException.class);
    }

    @Test
    void recordChecksItsShape() {
        assertThatThrownBy(() -> new Digits(new double[][] {{0, 1}}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have 64 columns but has 2");
        double[][] pixels = new double[1][64];
        assertThat(new Digits(pixels, new int[] {9}).size()).isEqualTo(1);
        pixels[0][5] = 1.5;
        assertThatThrownBy(() -> new Digits(pixels, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixels[0][5] must be in [-1, 1]");
        assertThatThrownBy(() -> new Digits(new double[1][64], new int[] {10}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels[0] must be in 0..9 but is 10");
    }

    private static String row(int pixel, int label) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 64; k++) {
            s.append(pixel).append(',');
        }
        return s.append(label).toString();
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }
}
