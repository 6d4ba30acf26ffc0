package io.github.ot4j.critic.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.WeightClipping;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

class CriticTrainerTest {

    private static Critic critic(long seed) {
        return Critic.mlp(new CriticSpec(2, new int[] {8, 8}, Activation.LEAKYRELU, DataType.DOUBLE, seed));
    }

    private static INDArray real(Critic c, long seed) {
        return c.batch(Samples.ring(32, 4, 2.0, new double[] {1, 0}, 0.3, seed));
    }

    private static INDArray fake(Critic c, long seed) {
        return c.batch(Samples.gaussian(32, new double[] {0, 0.5}, 1.0, seed));
    }

    @Test
    void stepReportsTheBatchEstimateBeforeTheUpdateAndLowersTheLoss() {
        Critic critic = critic(1);
        CriticTrainer trainer = CriticTrainer.of(critic, GradientPenalty.wganGp(), new Adam(1e-3));
        INDArray y = real(critic, 2);
        INDArray x = fake(critic, 3);
        double expected = critic.values(y).meanNumber().doubleValue() - critic.values(x).meanNumber().doubleValue();
        double lossBefore = trainer.loss(y, x, 9);
        CriticStep step = trainer.step(y, x, 9);
        assertThat(step.estimate()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(step.loss()).isCloseTo(lossBefore, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(step.penalty()).isEqualTo(GradientPenalty.wganGp().penalty(critic(1), y, x, 9));
        for (int s = 0; s < 50; s++) {
            trainer.step(y, x, 9);
        }
        assertThat(trainer.loss(y, x, 9)).isLessThan(lossBefore);
    }

    @Test
    void theUpdaterStateLivesInTheNetworkAndCarriesOver() {
        Critic critic = critic(1);
        CriticTrainer trainer = CriticTrainer.of(critic, WeightClipping.of(0.1), new RmsProp(1e-3));
        trainer.step(real(critic, 2), fake(critic, 3), 1);
        INDArray state = critic.network().getUpdater().getStateViewArray();
        assertThat(state).isNotNull();
        assertThat(state.amaxNumber().doubleValue()).isGreaterThan(0.0);
        trainer.step(real(critic, 4), fake(critic, 5), 2);
        assertThat(critic.network().getUpdater().getStateViewArray()).isSameAs(state);
        assertThat(critic.network().getIterationCount()).isEqualTo(2);
    }

    @Test
    void aCheckpointWithUpdaterStateContinuesExactly(@TempDir Path dir) throws Exception {
        Critic critic = critic(1);
        CriticTrainer trainer = CriticTrainer.of(critic, GradientPenalty.wganGp(), new Adam(1e-3, 0.5, 0.9, 1e-8));
        for (int s = 0; s < 3; s++) {
            trainer.step(real(critic, 10 + s), fake(critic, 20 + s), s);
        }
        File file = dir.resolve("critic.zip").toFile();
        ModelSerializer.writeModel(critic.network(), file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        Critic resumed = Critic.of(restored);
        CriticTrainer resumedTrainer = CriticTrainer.of(resumed, GradientPenalty.wganGp(),
                new Adam(1e-3, 0.5, 0.9, 1e-8));
        for (int s = 3; s < 6; s++) {
            trainer.step(real(critic, 10 + s), fake(critic, 20 + s), s);
            resumedTrainer.step(real(critic, 10 + s), fake(critic, 20 + s), s);
        }
        assertThat(resumed.network().params()).isEqualTo(critic.network().params());
    }

    @Test
    void sameSeedsSameTraining() {
        Critic a = critic(7);
        Critic b = critic(7);
        CriticTrainer ta = CriticTrainer.wganGp(a);
        CriticTrainer tb = CriticTrainer.wganGp(b);
        for (int s = 0; s < 5; s++) {
            ta.step(real(a, s), fake(a, 100 + s), s);
            tb.step(real(b, s), fake(b, 100 + s), s);
        }
        assertThat(a.network().params()).isEqualTo(b.network().params());
    }

    @Test
    void aFailedStepThrowsNamingTheQuantityAndRestoresTheCritic() {
        Critic critic = critic(1);
        LipschitzEnforcer poison = new LipschitzEnforcer() {
            @Override
            public void afterUpdate(Critic c, INDArray real, INDArray fake) {
                c.network().getLayer(0).getParam("W").putScalar(0, 0, Double.NaN);
            }

            @Override
            public String name() {
                return "poison";
            }
        };
        CriticTrainer good = CriticTrainer.of(critic, WeightClipping.of(1.0), new Adam(1e-3));
        good.step(real(critic, 1), fake(critic, 2), 1);
        INDArray params = critic.network().params().dup();
        INDArray state = critic.network().getUpdater().getStateViewArray().dup();
        CriticTrainer bad = CriticTrainer.of(critic, poison, new Adam(1e-3));
        assertThatThrownBy(() -> bad.step(real(critic, 3), fake(critic, 4), 2))
                .isInstanceOf(CriticTrainingException.class)
                .satisfies(e -> assertThat(((CriticTrainingException) e).quantity()).isEqualTo("parameters"));
        assertThat(critic.network().params()).isEqualTo(params);
        assertThat(critic.network().getUpdater().getStateViewArray()).isEqualTo(state);
        assertThat(critic.network().getIterationCount()).isEqualTo(1);
    }

    @Test
    void aNonFinitePenaltyIsRejectedBeforeAnythingChanges() {
        Critic critic = critic(1);
        LipschitzEnforcer infinite = new LipschitzEnforcer() {
            @Override
            public double addPenaltyGradient(Critic c, INDArray real, INDArray fake,
                    org.deeplearning4j.nn.gradient.Gradient gradient, long seed) {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public String name() {
                return "infinite";
            }
        };
        CriticTrainer trainer = CriticTrainer.of(critic, infinite, new Adam(1e-3));
        INDArray params = critic.network().params().dup();
        assertThatThrownBy(() -> trainer.step(real(critic, 1), fake(critic, 2), 1))
                .isInstanceOf(CriticTrainingException.class)
                .satisfies(e -> assertThat(((CriticTrainingException) e).quantity()).isEqualTo("penalty"));
        assertThat(critic.network().params()).isEqualTo(params);
        assertThat(critic.network().getIterationCount()).isZero();
    }

    @Test
    void aGradientPenaltyOnATanhCriticIsRejectedAtConstruction() {
        MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .seed(1L).dataType(DataType.DOUBLE).list()
                .layer(0, new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(2).nOut(8)
                        .activation(Activation.TANH).build())
                .layer(1, new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        Critic tanh = Critic.of(net);
        assertThatThrownBy(
                () -> CriticTrainer.of(tanh, GradientPenalty.wganGp()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0").hasMessageContaining("tanh");
        assertThatThrownBy(
                () -> CriticTrainer.of(tanh, OneSidedGradientPenalty.wganLp()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0");
    }

    @Test
    void badInputIsRejected() {
        Critic critic = critic(1);
        CriticTrainer trainer = CriticTrainer.wgan(critic);
        INDArray nan = real(critic, 1);
        nan.putScalar(0, 0, Double.NaN);
        assertThatThrownBy(() -> trainer.step(nan, fake(critic, 2), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real must be finite");
        assertThatThrownBy(() -> CriticTrainer.of(critic, null, new Adam()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enforcer");
        assertThatThrownBy(() -> WeightClipping.of(0)).hasMessageContaining("c must be");
        assertThatThrownBy(() -> GradientPenalty.of(Double.NaN)).hasMessageContaining("lambda");
    }
}
