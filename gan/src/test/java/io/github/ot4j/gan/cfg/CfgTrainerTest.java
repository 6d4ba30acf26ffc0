package io.github.ot4j.gan.cfg;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.internal.Seeds;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CfgTrainerTest {

    private static final DataSource DATA = ToyDistributions.eightGaussians();
    /** The relative tolerance of the finite-difference checks (float64, central differences). */
    private static final double FD_TOLERANCE = 1e-6;
    private static final long SEED = 7;

    @TempDir
    Path folder;

    private static Generator generator() {
        return Generator.mlp(new GeneratorSpec(2, new int[] {16, 16}, 2, Activation.TANH, Activation.IDENTITY,
                DataType.DOUBLE, 1));
    }

    private static Critic discriminator() {
        return Critic.mlp(new CriticSpec(2, new int[] {16, 16}, Activation.LEAKYRELU, DataType.DOUBLE, 2));
    }

    private static CfgTrainer trainer(int stages, int epochs) {
        CfgConfig config = CfgConfig.xicfg(0.5).withBatchSize(32).withStages(stages).withDistillEpochs(epochs)
                .withLearningRates(1e-2, 1e-2);
        return CfgTrainer.create(config, generator(), discriminator(), DATA, SEED);
    }

    @Test
    void aStageMovesTheSamplesAlongTheDiscriminatorsGradient() {
        CfgTrainer trainer = trainer(5, 1);
        INDArray z = trainer.generator().noise(6, 42);
        INDArray base = trainer.generator().generate(z);
        INDArray params = trainer.generator().network().params().dup();
        CfgStep step = trainer.step();
        assertThat(step.distilled()).isFalse();
        assertThat(trainer.pendingSteps()).isEqualTo(1);
        assertThat(trainer.generator().network().params()).as("no distillation yet").isEqualTo(params);
        INDArray moved = trainer.generate(z).sub(base).divi(0.5); // (G_1(z) - G_0(z)) / eta
        Critic d = trainer.discriminator();
        double h = 1e-5;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray plus = base.getRow(i).dup().reshape(1, 2);
                INDArray minus = plus.dup();
                plus.putScalar(0, j, plus.getDouble(0, j) + h);
                minus.putScalar(0, j, minus.getDouble(0, j) - h);
                double fd = (d.values(plus).getDouble(0) - d.values(minus).getDouble(0)) / (2 * h);
                assertThat(moved.getDouble(i, j)).as("dD/dx[%d][%d]", i, j)
                        .isCloseTo(fd, within(FD_TOLERANCE * Math.max(1, Math.abs(fd))));
            }
        }
        assertThat(moved.norm2Number().doubleValue()).isGreaterThan(1e-3);
        assertThat(trainer.discriminatorGradient(base)).isEqualTo(moved.mul(1.0)); // the same g(x) = ∇D(x)
    }

    @Test
    void theDiscriminatorLossIsTheLogisticLoss() {
        CfgTrainer trainer = trainer(5, 1);
        Critic d = trainer.discriminator();
        INDArray real = Nd4j.create(DATA.sample(32, Seeds.of(SEED, 0, Seeds.REAL, 0)));
        INDArray fake = trainer.generate(trainer.generator().noise(32, Seeds.of(SEED, 0, Seeds.CRITIC_NOISE, 0)));
        double[] a = d.values(real).toDoubleVector();
        double[] c = d.values(fake).toDoubleVector();
        double expected = 0;
        for (int i = 0; i < 32; i++) {
            expected += Math.log(1 + Math.exp(-a[i])) / 32 + Math.log(1 + Math.exp(c[i])) / 32;
        }
        assertThat(trainer.step().discriminatorLoss()).isCloseTo(expected, within(1e-12));
        // a few more stages on this data lower it
        double first = expected;
        double last = 0;
        for (int t = 0; t < 3; t++) {
            last = trainer.step().discriminatorLoss();
        }
        assertThat(last).isLessThan(first);
    }

    @Test
    void distillationPullsTheGeneratorNetworkOntoTheMovedSamples() {
        CfgTrainer trainer = trainer(2, 40);
        trainer.step();
        Generator g = trainer.generator();
        MultiLayerNetwork oldGenerator = g.network().clone();
        Critic firstMove = Critic.of(trainer.discriminator().network().clone());
        CfgStep distilling = trainer.step();
        assertThat(distilling.distilled()).isTrue();
        assertThat(trainer.pendingSteps()).isZero();
        Critic secondMove = trainer.discriminator();

        INDArray z = g.noise(200, 4242); // held-out noise: the distillation's own is other
        INDArray target = Generator.of(oldGenerator).generate(z);
        for (Critic move : new Critic[] {firstMove, secondMove}) {
            INDArray gradient = io.github.ot4j.critic.internal.TrainableNetwork.of("d", move.network())
                    .inputGradient(target, Nd4j.ones(DataType.DOUBLE, 200, 1));
            target = target.add(gradient.mul(0.5));
        }
        double before = halfMeanSquare(Generator.of(oldGenerator).generate(z).sub(target));
        double after = halfMeanSquare(g.generate(z).sub(target));
        assertThat(before).isGreaterThan(1e-3);
        assertThat(after).as("distance to the moved samples after distillation, from %s", before)
                .isLessThan(before / 4);
        assertThat(trainer.generate(z)).isEqualTo(g.generate(z)); // the composite is G̃ again
    }

    private static double halfMeanSquare(INDArray difference) {
        return 0.5 * difference.mul(difference).sumNumber().doubleValue() / difference.rows();
    }

    @Test
    void aResumedRunContinuesBitIdenticallyWithItsPendingSteps() throws Exception {
        CfgTrainer straight = trainer(3, 2);
        CfgTrainer first = trainer(3, 2);
        for (int t = 0; t < 2; t++) {
            straight.step();
            first.step();
        }
        Path file = folder.resolve("cfg.ckpt");
        CheckpointFile.write(file, first.checkpoint());
        CfgTrainer resumed = CfgTrainer.resume(CheckpointFile.read(file), first.config(), DATA);
        assertThat(resumed.pendingSteps()).isEqualTo(2);
        for (int t = 0; t < 3; t++) {
            straight.step();
            resumed.step();
        }
        INDArray z = straight.generator().noise(10, 3);
        assertThat(resumed.generate(z)).isEqualTo(straight.generate(z));
        assertThat(resumed.discriminator().network().params())
                .isEqualTo(straight.discriminator().network().params());
        assertThatThrownBy(() -> CfgTrainer.resume(CheckpointFile.read(file), first.config().withStages(4), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stages is 4 in the configuration but 3");
    }

    @Test
    void badSettingsAreRefusedByName() {
        CfgConfig config = CfgConfig.xicfg(1.0);
        assertThat(config.stages()).isEqualTo(25);
        assertThatThrownBy(() -> CfgConfig.xicfg(0)).hasMessage("eta must be positive and finite but is 0.0");
        assertThatThrownBy(() -> config.withStages(0)).hasMessage("stages must be at least 1 but is 0");
        assertThatThrownBy(() -> config.withBatchSize(0)).hasMessage("batchSize must be at least 1 but is 0");
        assertThatThrownBy(() -> config.withDistillEpochs(-1))
                .hasMessage("distillEpochs must be at least 1 but is -1");
        assertThatThrownBy(() -> new CfgConfig(new NoOp(), new Adam(), 8, 1, 1.0, 2, 1))
                .hasMessageContaining("discriminator updater");
        assertThatThrownBy(() -> CfgTrainer.create(config, generator(), Critic.mlp(new CriticSpec(3,
                new int[] {4}, Activation.RELU, DataType.DOUBLE, 1)), DATA, 1))
                .hasMessage("the discriminator's input dimension 3 does not match the data dimension 2");
    }
}
