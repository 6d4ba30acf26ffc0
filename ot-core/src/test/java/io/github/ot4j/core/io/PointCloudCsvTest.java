package io.github.ot4j.core.io;

import io.github.ot4j.core.DiscreteMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
}
