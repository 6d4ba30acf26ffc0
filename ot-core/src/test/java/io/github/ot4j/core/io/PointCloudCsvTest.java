package io.github.ot4j.core.io;

import io.github.ot4j.core.DiscreteMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointCloudCsvTest {

    @TempDir
    Path dir;

    @Test
    void pairRoundTripsExactly() {
        DiscreteMeasure x = DiscreteMeasure.of(new double[][] {{0.1, -2.5e-17}, {Math.PI, 1}},
                new double[] {1.0 / 3, 2.0 / 3});
        DiscreteMeasure y = DiscreteMeasure.uniform(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Path file = dir.resolve("pair.csv");
        PointCloudCsv.writePair(file, new MeasurePair(x, y));
        MeasurePair back = PointCloudCsv.readPair(file);
        assertThat(back.x().points()).isDeepEqualTo(x.points());
        assertThat(back.x().weights()).containsExactly(x.weights());
        assertThat(back.y().points()).isDeepEqualTo(y.points());
        assertThat(back.y().weights()).containsExactly(y.weights());
    }

    @Test
    void plainLayoutReadsWithOrWithoutHeader() throws IOException {
        Path withHeader = dir.resolve("a.csv");
        Files.writeString(withHeader, "px,py\n1,2\n3,4.5\n");
        Path without = dir.resolve("b.csv");
        Files.writeString(without, "1,2\n3,4.5\n");
        assertThat(PointCloudCsv.readPoints(withHeader).points()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4.5}});
        assertThat(PointCloudCsv.readPoints(without).weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void plainLayoutRoundTrips() {
        DiscreteMeasure x = DiscreteMeasure.uniform(new double[][] {{0.1, 7}, {-1e300, 1e-300}});
        Path file = dir.resolve("plain.csv");
        PointCloudCsv.writePoints(file, x);
        assertThat(PointCloudCsv.readPoints(file).points()).isDeepEqualTo(x.points());
    }

    @Test
    void malformedFilesNameTheLine() throws IOException {
        Path badHeader = dir.resolve("h.csv");
        Files.writeString(badHeader, "a,b,c,d\n");
        assertThatThrownBy(() -> PointCloudCsv.readPair(badHeader)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header must be 'set,i,w,p0,...'");
        Path badNumber = dir.resolve("n.csv");
        Files.writeString(badNumber, "set,i,w,p0\nx,0,1,abc\ny,0,1,2\n");
        assertThatThrownBy(() -> PointCloudCsv.readPair(badNumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":2:").hasMessageContaining("'abc' is not a number");
        Path badSet = dir.resolve("s.csv");
        Files.writeString(badSet, "set,i,w,p0\nz,0,1,0\n");
        assertThatThrownBy(() -> PointCloudCsv.readPair(badSet)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set must be 'x' or 'y' but is 'z'");
        Path missingY = dir.resolve("y.csv");
        Files.writeString(missingY, "set,i,w,p0\nx,0,1,0\n");
        assertThatThrownBy(() -> PointCloudCsv.readPair(missingY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no points of set y");
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2\n3\n");
        assertThatThrownBy(() -> PointCloudCsv.readPoints(ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":2:").hasMessageContaining("expected 2 fields");
        Path negative = dir.resolve("w.csv");
        Files.writeString(negative, "set,i,w,p0\nx,0,-1,0\ny,0,1,0\n");
        assertThatThrownBy(() -> PointCloudCsv.readPair(negative)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[0] must be >= 0 but is -1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan,1", "inf,1", "-inf,1", "1.0.0,1", "1,,2", ",1", "px,1", "NaN,1", "Infinity,1",
        "1,2,", "0x,1"})
    void aBadFirstDataRowIsAnErrorNamingLine1(String firstRow) throws IOException {
        // today's reader took any first line that does not parse as a header and dropped it without a word
        Path file = dir.resolve("bad-first.csv");
        Files.writeString(file, firstRow + "\n3,4\n5,6\n");
        assertThatThrownBy(() -> PointCloudCsv.readPoints(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":1: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"px,py", "x, y", "\"x\",\"y\"", "_a,b2", "lat.deg,lon-deg", "feature 1,feature 2"})
    void aLineOfNamesIsAHeader(String header) throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, header + "\n1,2\n3,4.5\n");
        assertThat(PointCloudCsv.readPoints(file).points()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4.5}});
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path plain = dir.resolve("bom.csv");
        Files.write(plain, "\uFEFF1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PointCloudCsv.readPoints(plain).points()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        Path withHeader = dir.resolve("bom-header.csv");
        Files.write(withHeader, "\uFEFFpx,py\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PointCloudCsv.readPoints(withHeader).points()).isDeepEqualTo(new double[][] {{1, 2}});
        Path pair = dir.resolve("bom-pair.csv");
        Files.write(pair, "\uFEFFset,i,w,p0\nx,0,1,5\ny,0,1,7\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PointCloudCsv.readPair(pair).y().points()).isDeepEqualTo(new double[][] {{7}});
    }

    @Test
    void aNonFiniteCoordinateLaterOnNamesItsLine() throws IOException {
        Path file = dir.resolve("nan.csv");
        Files.writeString(file, "1,2\n\n3,NaN\n");
        assertThatThrownBy(() -> PointCloudCsv.readPoints(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":3:").hasMessageContaining("'NaN' is not finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "1.9", "NaN", "1.0", "", "one"})
    void pairIndicesMustBeIntegers(String index) {
        String text = "set,i,w,p0\nx,0,0.5,0\nx," + index + ",0.5,1\ny,0,1,2\n";
        assertThatThrownBy(() -> PointCloudCsv.readPair(new StringReader(text), "idx.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idx.csv:3:").hasMessageContaining("index '" + index + "' is not an integer");
    }

    @Test
    void nullArgumentsAreNamed() {
        DiscreteMeasure x = DiscreteMeasure.uniform(new double[][] {{0}});
        Path file = dir.resolve("never.csv");
        assertThatThrownBy(() -> PointCloudCsv.readPoints(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file must not be null");
        assertThatThrownBy(() -> PointCloudCsv.readPair(null, "s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reader must not be null");
        assertThatThrownBy(() -> PointCloudCsv.readPair(new StringReader(""), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source must not be null");
        assertThatThrownBy(() -> PointCloudCsv.writePair(null, new MeasurePair(x, x)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("file must not be null");
        assertThatThrownBy(() -> PointCloudCsv.writePair(file, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pair must not be null");
        assertThatThrownBy(() -> PointCloudCsv.writePoints(null, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("file must not be null");
        assertThatThrownBy(() -> PointCloudCsv.writePoints(file, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("measure must not be null");
        assertThat(file).doesNotExist();
    }
}
