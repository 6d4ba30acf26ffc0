package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.gan.checkpoint.Checkpoint;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.internal.Seeds;
import io.github.ot4j.gan.lens.Lens;
import io.github.ot4j.gan.lens.TemperingLens;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tempering lens in the WGAN step: the critic sees L(X), L returns to the identity after K, checkpoints. */
class TemperedTrainingTest {

    private static final DataSource DATA = ToyDistributions.eightGaussians();
    private static final long SEED = 7;

    @TempDir
    Path folder;

    private static WganConfig config(Lens lens) {
        return WganConfig.wganGp().withBatchSize(32).withCriticSteps(2).withLearningRates(1e-3, 1e-3)
                .withLens(lens);
    }

    private static WganTrainer trainer(Lens lens) {
        return WganTrainer.create(config(lens), Fixtures.generator(DataType.DOUBLE, 1),
                Fixtures.critic(DataType.DOUBLE, 2), DATA, SEED);
    }

    /** Mean ‖x − L(x)‖² over held-out real points. */
    private static double reconstructionError(MultiLayerNetwork lens, double[][] points) {
        INDArray x = Nd4j.createFromArray(points);
        INDArray residual = lens.output(x);
        return residual.mul(residual).sumNumber().doubleValue() / points.length;
    }

    @Test
    void theLensStartsAsTheIdentityAndOnlyATemperedRunHasOne() {
        WganTrainer trainer = trainer(TemperingLens.of(10));
        assertThat(reconstructionError(trainer.lensNetwork().orElseThrow(), DATA.sample(50, 1))).isZero();
        assertThat(trainer(Lens.none()).lensNetwork()).isEmpty();
    }

    @Test
    void theCriticIsTrainedOnTheLensedRealBatch() {
        WganTrainer trainer = trainer(TemperingLens.of(10));
        MultiLayerNetwork lens = trainer.lensNetwork().orElseThrow();
        lens.getLayer(lens.getnLayers() - 1).getParam("b").assign(Nd4j.createFromArray(0.7, -0.4)); // L(x) = x + c
        Critic critic = trainer.critic();
        Critic lensedCopy = Critic.of(critic.network().clone());
        Critic plainCopy = Critic.of(critic.network().clone());
        CriticIteration lensed = trainer.config().critic().method().trainer(lensedCopy);
        CriticIteration plain = trainer.config().critic().method().trainer(plainCopy);
        Generator generator = trainer.generator();
        for (int k = 0; k < 2; k++) {
            INDArray real = critic.batch(DATA.sample(32, Seeds.of(SEED, 0, Seeds.REAL, k)));
            INDArray fake = generator.generate(generator.noise(32, Seeds.of(SEED, 0, Seeds.CRITIC_NOISE, k)));
            INDArray shown = real.add(lens.output(real));
            assertThat(lens.output(real).getRow(0).toDoubleVector()).containsExactly(0.7, -0.4);
            lensed.step(shown, fake, Seeds.of(SEED, 0, Seeds.CRITIC_STEP, k));
            plain.step(real, fake, Seeds.of(SEED, 0, Seeds.CRITIC_STEP, k));
        }
        trainer.step();
        assertThat(critic.network().params()).isEqualTo(lensedCopy.network().params());
        assertThat(critic.network().params()).isNotEqualTo(plainCopy.network().params());
    }

    @Test
    void theLensMovesWhileTemperedAndReturnsToTheIdentityAfterK() {
        int k = 40;
        TemperingLens lensSettings = TemperingLens.of(k).withUpdater(new Adam(1e-2));
        WganTrainer trainer = trainer(lensSettings);
        MultiLayerNetwork lens = trainer.lensNetwork().orElseThrow();
        double[][] heldOut = DATA.sample(200, 99);
        double peak = 0;
        for (int t = 0; t < k; t++) {
            trainer.step();
            peak = Math.max(peak, reconstructionError(lens, heldOut));
        }
        for (int t = 0; t < 3 * k; t++) {
            trainer.step();
        }
        double after = reconstructionError(lens, heldOut);
        assertThat(peak).as("the largest mean ||x - L(x)||^2 while tempered").isGreaterThan(1e-3);
        assertThat(after).as("mean ||x - L(x)||^2 after %d steps, K = %d, peak %s", 4 * k, k, peak)
                .isLessThan(peak / 20);
    }

    @Test
    void aResumedTemperedRunContinuesBitIdentically() throws Exception {
        WganTrainer straight = trainer(TemperingLens.of(10));
        WganTrainer first = trainer(TemperingLens.of(10));
        for (int t = 0; t < 3; t++) {
            straight.step();
            first.step();
        }
        Path file = folder.resolve("tempered.ckpt");
        CheckpointFile.write(file, first.checkpoint());
        Checkpoint read = CheckpointFile.read(file);
        assertThat(read.networks()).containsOnlyKeys("lens");
        WganTrainer resumed = WganTrainer.resume(read, first.config(), DATA);
        for (int t = 0; t < 3; t++) {
            straight.step();
            resumed.step();
        }
        assertThat(resumed.lensNetwork().orElseThrow().params())
                .isEqualTo(straight.lensNetwork().orElseThrow().params());
        assertThat(resumed.generator().network().params()).isEqualTo(straight.generator().network().params());
        assertThat(resumed.critic().network().params()).isEqualTo(straight.critic().network().params());
    }

    @Test
    void resumeRefusesAnotherLensSetting() throws Exception {
        WganTrainer trainer = trainer(TemperingLens.of(10));
        trainer.step();
        Path file = folder.resolve("tempered.ckpt");
        CheckpointFile.write(file, trainer.checkpoint());
        WganConfig config = trainer.config();
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), config.withLens(Lens.none()), DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lens");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withLens(TemperingLens.of(20)), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lens.temperingSteps is 20 in the configuration but 10");
        WganTrainer plain = trainer(Lens.none());
        plain.step();
        CheckpointFile.write(file, plain.checkpoint());
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), config, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lens");
    }

    @Test
    void aCheckpointRefusesABadNetworkName() {
        Checkpoint checkpoint = trainer(TemperingLens.of(10)).checkpoint();
        MultiLayerNetwork lens = checkpoint.networks().get("lens");
        assertThatThrownBy(() -> new Checkpoint(checkpoint.generator(), checkpoint.critic(), 0, 1,
                checkpoint.settings(), java.util.Map.of("Lens/1", lens)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Lens/1'");
        assertThatThrownBy(() -> checkpoint.networks().put("other", lens))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCopyingMethodsKeepTheLens() {
        WganConfig config = WganConfig.wganTs().withLens(TemperingLens.of(5));
        assertThat(config.withBatchSize(16).withCriticSteps(2).withLearningRates(1e-3, 1e-3).lens())
                .isEqualTo(TemperingLens.of(5));
        assertThat(WganConfig.wganGp().lens()).isEqualTo(Lens.none());
        assertThatThrownBy(() -> config.withLens(null)).hasMessageContaining("lens");
    }
}
