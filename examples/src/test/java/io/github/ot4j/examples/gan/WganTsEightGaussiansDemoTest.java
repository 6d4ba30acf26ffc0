package io.github.ot4j.examples.gan;

import io.github.ot4j.examples.ExampleOutput;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The flagship demo runs (a short run: 100 generator steps) and writes what it promises. */
class WganTsEightGaussiansDemoTest extends ExampleOutput {

    @Test
    @Tag("slow") // 100 WGAN-TS steps with exact targets: 25-50 s on the shared 2-core machine
    void printsEstimateNextToExactDistanceAndWritesPlotsMetricsAndCheckpoint() throws Exception {
        WganTsEightGaussiansDemo.run(new String[] {"100"});
        String out = output();
        assertThat(out).contains("floor (two real samples").contains("critic on these points | oracle | exact W1")
                .containsPattern("(?m)^\\s+100 \\|");
        assertThat(Files.size(dir.resolve("wgan-ts-samples.png"))).isPositive();
        assertThat(Files.size(dir.resolve("wgan-ts-distances.png"))).isPositive();
        assertThat(Files.readAllLines(dir.resolve("wgan-ts-metrics.csv"))).hasSize(2);
        assertThat(CheckpointFile.read(dir.resolve("wgan-ts.ckpt")).iteration()).isEqualTo(100);
    }

    @Test
    void bothLearningRatesFallFromOneThousandthToOneHundredThousandthOverTheRun() {
        WganConfig config = WganTsEightGaussiansDemo.config(200);
        IUpdater generator = config.generatorUpdater();
        IUpdater critic = config.critic().method().updater();
        assertThat(generator.getLearningRate(0, 0)).isCloseTo(1e-3, within(1e-15));
        assertThat(generator.getLearningRate(200, 0)).isCloseTo(1e-5, within(1e-15));
        assertThat(critic.getLearningRate(0, 0)).isCloseTo(1e-3, within(1e-15));
        // five regression updates per generator step
        assertThat(critic.getLearningRate(1000, 0)).isCloseTo(1e-5, within(1e-15));
        assertThat(critic.getLearningRate(200, 0)).isCloseTo(1e-3 * Math.pow(0.01, 0.2), within(1e-15));
    }
}
