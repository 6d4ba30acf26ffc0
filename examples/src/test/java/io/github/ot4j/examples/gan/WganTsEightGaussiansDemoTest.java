package io.github.ot4j.examples.gan;

import io.github.ot4j.examples.ExampleOutput;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The flagship demo runs (a short run: 100 generator steps) and writes what it promises. */
class WganTsEightGaussiansDemoTest extends ExampleOutput {

    @Test
    @Tag("slow") // 100 WGAN-TS steps with exact targets: 25-50 s on the shared 2-core machine
    void printsEstimateNextToExactDistanceAndWritesPlotsMetricsAndCheckpoint() throws Exception {
        WganTsEightGaussiansDemo.run(new String[] {"100"});
        String out = output();
        assertThat(out).contains("floor (two real samples").contains("critic on these points | exact W1")
                .containsPattern("(?m)^\\s+100 \\|");
        assertThat(Files.size(dir.resolve("wgan-ts-samples.png"))).isPositive();
        assertThat(Files.size(dir.resolve("wgan-ts-distances.png"))).isPositive();
        assertThat(Files.readAllLines(dir.resolve("wgan-ts-metrics.csv"))).hasSize(2);
        assertThat(CheckpointFile.read(dir.resolve("wgan-ts.ckpt")).iteration()).isEqualTo(100);
    }
}
