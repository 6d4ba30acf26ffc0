package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.internal.JacobianPenalty;
import io.github.ot4j.gan.internal.Seeds;
import io.github.ot4j.gan.regularize.GeneratorRegularizer;
import io.github.ot4j.gan.regularize.JacobianClamping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A generator regulariser in the WGAN step: its gradient joins the loss's, and checkpoints record it. */
class RegularizedTrainingTest {

    private static final DataSource DATA = ToyDistributions.eightGaussians();
    private static final double LR = 0.05;

    @TempDir
    Path folder;

    private static Generator generator() {
        return Generator.mlp(new GeneratorSpec(3, new int[] {8}, 2, Activation.TANH, Activation.IDENTITY,
                DataType.DOUBLE, 5));
    }

    private static WganTrainer trainer(GeneratorRegularizer regularizer) {
        WganConfig config = WganConfig.wganGp().withBatchSize(16).withGeneratorUpdater(new Sgd(LR))
                .withRegularizer(regularizer);
        return WganTrainer.create(config, generator(), Fixtures.critic(DataType.DOUBLE, 6), DATA, 7);
    }

    @Test
    void theGeneratorStepAddsThePenaltysGradientToTheLosss() {
        WganTrainer plain = trainer(GeneratorRegularizer.none());
        INDArray start = plain.generator().network().params().dup();
        double plainLoss = plain.updateGenerator(1);
        INDArray plainStep = start.sub(plain.generator().network().params());

        // a band that this generator's stretches miss: the penalty is active
        JacobianClamping clamping = new JacobianClamping(5.0, 6.0, 1.0, 2.0);
        WganTrainer regularized = trainer(clamping);
        Generator g = regularized.generator();
        INDArray z = g.noise(16, Seeds.of(7, 0, Seeds.GENERATOR_NOISE, 0));
        double[][] delta = JacobianPenalty.perturbations(16, 3, 1.0, Seeds.of(7, 0, Seeds.GENERATOR_REGULARIZER, 0));
        JacobianPenalty.Result expected = JacobianPenalty.of(clamping,
                TrainableNetwork.of("generator", g.network()), z, delta);
        assertThat(expected.value()).isGreaterThan(0.1);

        double loss = regularized.updateGenerator(1);
        INDArray step = start.sub(g.network().params());
        assertThat(loss).isCloseTo(plainLoss + expected.value(), within(1e-12));
        INDArray penaltyStep = step.sub(plainStep).divi(LR);
        double scale = expected.gradient().amaxNumber().doubleValue();
        assertThat(scale).isPositive();
        for (long k = 0; k < step.length(); k++) {
            assertThat(penaltyStep.getDouble(k)).as("parameter %s", k)
                    .isCloseTo(expected.gradient().getDouble(k), within(1e-9 * scale));
        }
    }

    @Test
    void aBandThatHoldsChangesNothing() {
        WganTrainer plain = trainer(GeneratorRegularizer.none());
        WganTrainer loose = trainer(new JacobianClamping(0.0, 1e9, 1.0, 1.0));
        plain.step();
        loose.step();
        assertThat(loose.generator().network().params()).isEqualTo(plain.generator().network().params());
    }

    @Test
    void resumeRefusesAnotherRegularizer() throws Exception {
        WganTrainer trainer = trainer(JacobianClamping.paper());
        trainer.step();
        Path file = folder.resolve("run.ckpt");
        CheckpointFile.write(file, trainer.checkpoint());
        WganConfig config = trainer.config();
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withRegularizer(GeneratorRegularizer.none()), DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularizer");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withRegularizer(new JacobianClamping(1, 10, 1, 1)), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regularizer.lambdaMax is 10.0 in the configuration but 20.0");
        assertThat(WganTrainer.resume(CheckpointFile.read(file), config, DATA).iteration()).isEqualTo(1);
    }

    @Test
    void theCopyingMethodsKeepTheRegularizer() {
        WganConfig config = WganConfig.wganTs().withRegularizer(JacobianClamping.paper());
        assertThat(config.withBatchSize(32).withCriticSteps(2).withLearningRates(1e-3, 1e-3).regularizer())
                .isEqualTo(JacobianClamping.paper());
        assertThat(WganConfig.wgan().regularizer()).isEqualTo(GeneratorRegularizer.none());
        assertThatThrownBy(() -> config.withRegularizer(null)).hasMessageContaining("regularizer");
    }
}
