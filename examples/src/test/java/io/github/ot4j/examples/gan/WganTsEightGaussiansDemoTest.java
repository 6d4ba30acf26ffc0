package io.github.ot4j.examples.gan;

import io.github.ot4j.gan.checkpoint.CheckpointFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The flagship demo runs (its shortest run: 100 generator steps) and writes what it promises. */
class WganTsEightGaussiansDemoTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("ot4j.output", dir.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(original);
        System.clearProperty("ot4j.output");
    }

    @Test
    void printsEstimateNextToExactDistanceAndWritesPlotsMetricsAndCheckpoint() throws Exception {
        WganTsEightGaussiansDemo.main(new String[] {"0"});
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("critic estimate | exact W1").containsPattern("(?m)^\\s+100 \\|");
        assertThat(Files.size(dir.resolve("wgan-ts-samples.png"))).isPositive();
        assertThat(Files.size(dir.resolve("wgan-ts-distances.png"))).isPositive();
        assertThat(Files.readAllLines(dir.resolve("wgan-ts-metrics.csv"))).hasSize(2);
        assertThat(CheckpointFile.read(dir.resolve("wgan-ts.ckpt")).iteration()).isEqualTo(100);
    }
}
