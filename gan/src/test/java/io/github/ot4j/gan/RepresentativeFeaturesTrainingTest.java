package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.features.CriticFeatures;
import io.github.ot4j.gan.features.RepresentativeFeatures;
import io.github.ot4j.gan.internal.CriticView;
import io.github.ot4j.gan.internal.Encoder;
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

/** RFGAN's representative features: a pre-trained, frozen encoder whose features the critic sees. */
class RepresentativeFeaturesTrainingTest {

    private static final DataSource DATA = ToyDistributions.eightGaussians();
    private static final RepresentativeFeatures FEATURES = new RepresentativeFeatures(4, 16, 100, 64, new Adam(1e-2));
    /** The relative tolerance of the finite-difference check (float64, central differences). */
    private static final double FD_TOLERANCE = 1e-6;

    @TempDir
    Path folder;

    private static Critic critic(int inputs) {
        return Critic.mlp(new CriticSpec(inputs, new int[] {16, 16}, Activation.LEAKYRELU, DataType.DOUBLE, 2));
    }

    private static WganTrainer trainer(WganConfig base) {
        WganConfig config = base.withBatchSize(32).withLearningRates(1e-3, 1e-3).withFeatures(FEATURES);
        return WganTrainer.create(config, Fixtures.generator(DataType.DOUBLE, 1), critic(2 + 4), DATA, 7);
    }

    @Test
    void pretrainingLowersTheAutoencodersReconstructionError() {
        double once = Encoder.pretrain(FEATURES.withPretrainSteps(1), DATA, DataType.DOUBLE, 3)
                .reconstructionError();
        double trained = Encoder.pretrain(FEATURES.withPretrainSteps(300), DATA, DataType.DOUBLE, 3)
                .reconstructionError();
        assertThat(trained).as("after 300 steps, from %s", once).isLessThan(once / 10);
    }

    @Test
    void theEncoderNeverChangesDuringGanTraining() {
        for (WganConfig mode : new WganConfig[] {WganConfig.wganGp(), WganConfig.wganTs(), WganConfig.wgan()}) {
            WganTrainer trainer = trainer(mode);
            MultiLayerNetwork encoder = trainer.encoderNetwork().orElseThrow();
            INDArray before = encoder.params().dup();
            INDArray criticBefore = trainer.critic().network().params().dup();
            for (int t = 0; t < 4; t++) {
                trainer.step();
            }
            assertThat(encoder.params()).as("encoder parameters").isEqualTo(before);
            assertThat(trainer.critic().network().params()).as("critic parameters").isNotEqualTo(criticBefore);
        }
    }

    @Test
    void theCriticsGradientFlowsThroughTheEncoderFeatures() {
        Encoder encoder = Encoder.pretrain(FEATURES, DATA, DataType.DOUBLE, 3).encoder();
        Critic critic = critic(6);
        TrainableNetwork seam = TrainableNetwork.of("critic", critic.network());
        CriticView view = CriticView.of(seam, encoder);
        INDArray x = Nd4j.createFromArray(DATA.sample(5, 11));
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 5, 1);
        INDArray gradient = view.inputGradient(x, ones);
        INDArray withoutEncoder = seam.inputGradient(view.shown(x), ones).getColumns(0, 1);
        double h = 1e-5;
        double largestPathDifference = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray plus = x.dup();
                INDArray minus = x.dup();
                plus.putScalar(i, j, x.getDouble(i, j) + h);
                minus.putScalar(i, j, x.getDouble(i, j) - h);
                double fd = (view.values(plus).getDouble(i) - view.values(minus).getDouble(i)) / (2 * h);
                assertThat(gradient.getDouble(i, j)).as("d f / d x[%d][%d]", i, j)
                        .isCloseTo(fd, within(FD_TOLERANCE * Math.max(1, Math.abs(fd))));
                largestPathDifference = Math.max(largestPathDifference,
                        Math.abs(gradient.getDouble(i, j) - withoutEncoder.getDouble(i, j)));
            }
        }
        assertThat(largestPathDifference).as("the encoder path's share of the gradient").isGreaterThan(1e-3);
        // the critic's value depends on the features: another encoder, another value
        encoder.network().params().addi(0.1);
        assertThat(view.values(x)).isNotEqualTo(critic.values(Nd4j.hstack(x, Nd4j.zeros(DataType.DOUBLE, 5, 4))));
        INDArray before = critic.values(Nd4j.hstack(x, encoder.encode(x)));
        encoder.network().params().addi(0.1);
        assertThat(view.values(x)).isNotEqualTo(before);
    }

    @Test
    void aResumedRunKeepsTheEncoderAndRefusesOtherFeatures() throws Exception {
        WganTrainer straight = trainer(WganConfig.wganGp());
        WganTrainer first = trainer(WganConfig.wganGp());
        straight.step();
        first.step();
        Path file = folder.resolve("rfgan.ckpt");
        CheckpointFile.write(file, first.checkpoint());
        WganTrainer resumed = WganTrainer.resume(CheckpointFile.read(file), first.config(), DATA);
        assertThat(resumed.encoderNetwork().orElseThrow().params())
                .isEqualTo(first.encoderNetwork().orElseThrow().params());
        straight.step();
        resumed.step();
        assertThat(resumed.generator().network().params()).isEqualTo(straight.generator().network().params());
        WganConfig config = first.config();
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withFeatures(FEATURES.withPretrainSteps(5)), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features.pretrainSteps is 5 in the configuration but 100");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withFeatures(CriticFeatures.none()), DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new RepresentativeFeatures(0, 16, 100, 64, new Adam(1e-3)))
                .hasMessage("codeDimension must be at least 1 but is 0");
        assertThatThrownBy(() -> new RepresentativeFeatures(4, 16, 100, -2, new Adam(1e-3)))
                .hasMessage("batchSize must be at least 1 but is -2");
        assertThatThrownBy(() -> new RepresentativeFeatures(4, 16, 100, 64, new NoOp()))
                .hasMessageContaining("autoencoder updater");
        WganConfig config = WganConfig.wganGp().withFeatures(FEATURES);
        assertThatThrownBy(() -> WganTrainer.create(config, Fixtures.generator(DataType.DOUBLE, 1), critic(2), DATA,
                1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the critic's input dimension 2 does not match the data dimension 2 plus the 4 "
                        + "representative features");
        assertThat(config.withBatchSize(8).withCriticSteps(1).features()).isEqualTo(FEATURES);
        assertThat(WganConfig.wganTs().features()).isEqualTo(CriticFeatures.none());
    }
}
