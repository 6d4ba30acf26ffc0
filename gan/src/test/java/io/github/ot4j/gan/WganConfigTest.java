package io.github.ot4j.gan;

import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.gan.data.ToyDistributions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WganConfigTest {

    @Test
    void namedFactoriesCarryThePapersDefaults() {
        WganConfig wgan = WganConfig.wgan();
        CriticSchedule.Wasserstein w = (CriticSchedule.Wasserstein) wgan.critic();
        assertThat(w.enforcer()).isEqualTo(new WeightClipping(0.01));
        assertThat(w.criticSteps()).isEqualTo(5);
        assertThat(((RmsProp) w.updater()).getLearningRate()).isEqualTo(5e-5);
        assertThat(((RmsProp) wgan.generatorUpdater()).getLearningRate()).isEqualTo(5e-5);

        WganConfig gp = WganConfig.wganGp();
        CriticSchedule.Wasserstein g = (CriticSchedule.Wasserstein) gp.critic();
        assertThat(g.enforcer()).isEqualTo(new GradientPenalty(10.0));
        assertThat(g.updater()).isEqualTo(new Adam(1e-4, 0.5, 0.9, 1e-8));
        assertThat(gp.generatorUpdater()).isEqualTo(new Adam(1e-4, 0.5, 0.9, 1e-8));
        assertThat(((CriticSchedule.Wasserstein) WganConfig.wganGpToy().critic()).enforcer())
                .isEqualTo(new GradientPenalty(0.1));
        assertThat(WganConfig.wganGpToy().batchSize()).isEqualTo(256);

        WganConfig ts = WganConfig.wganTs();
        CriticSchedule.TwoStep t = (CriticSchedule.TwoStep) ts.critic();
        assertThat(t.regressionSteps()).isEqualTo(5);
        assertThat(t.criticSteps()).isEqualTo(1);
        assertThat(t.updater()).isEqualTo(new Adam(1e-4, 0.5, 0.999, 1e-8));
        assertThat(ts.generatorUpdater()).isEqualTo(new Adam(1e-4, 0.5, 0.999, 1e-8));
        assertThat(t.cost().between(new double[] {0, 0}, new double[] {1, -2})).isEqualTo(3.0);
    }

    @Test
    void overridesKeepTheRest() {
        WganConfig c = WganConfig.wganGp().withCriticSteps(3).withBatchSize(32).withLearningRates(1e-3, 2e-3);
        assertThat(c.critic().criticSteps()).isEqualTo(3);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(((Adam) c.generatorUpdater()).getLearningRate()).isEqualTo(1e-3);
        assertThat(((Adam) c.critic().updater()).getLearningRate()).isEqualTo(2e-3);
        assertThat(((Adam) c.critic().updater()).getBeta2()).isEqualTo(0.9);
        assertThat(((CriticSchedule.Wasserstein) c.critic()).enforcer()).isEqualTo(new GradientPenalty(10.0));
    }

    @Test
    void criticAndRegressionStepsApplyOnlyToTheirOwnMode() {
        assertThatThrownBy(() -> WganConfig.wganTs().withCriticSteps(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WGAN-TS");
        assertThatThrownBy(() -> WganConfig.wganGp().withRegressionSteps(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WGAN loss");
        CriticSchedule.TwoStep t = (CriticSchedule.TwoStep) WganConfig.wganTs().withRegressionSteps(7).critic();
        assertThat(t.regressionSteps()).isEqualTo(7);
        assertThat(t.criticSteps()).isEqualTo(1);
    }

    @Test
    void criticCostFollowsWeightScalingsCost() {
        GroundCost l1 = GroundCost.cityblock();
        assertThat(WganConfig.withEnforcer(WeightScaling.under(l1)).criticCost()).isSameAs(l1);
        assertThat(WganConfig.wganGp().criticCost()).isSameAs(GroundCost.euclidean());
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> WganConfig.wgan().withGeneratorUpdater(new Sgd(-0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generator updater learning rate must be positive and finite but is -0.1");
        assertThatThrownBy(() -> WganConfig.wganGp().withCriticSteps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticSteps must be at least 1 but is 0");
        assertThatThrownBy(() -> WganConfig.wganTs().withRegressionSteps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regressionSteps must be at least 1 but is 0");
        assertThatThrownBy(() -> WganConfig.wganGp().withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be at least 1");
        assertThatThrownBy(() -> WganConfig.wganGp().withCriticUpdater(new Adam(1e-4, 1.0, 0.9, 1e-8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic updater beta1 must be in [0, 1) but is 1.0");
        assertThatThrownBy(() -> WganConfig.wgan().withLearningRates(Double.NaN, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void mismatchedPartsAreRejectedBeforeTraining() {
        Generator threeD = Generator.mlp(GeneratorSpec.mlp(2, 8, 3, org.nd4j.linalg.activations.Activation.IDENTITY,
                1).withDataType(DataType.DOUBLE));
        assertThatThrownBy(() -> WganTrainer.create(WganConfig.wganGp(), threeD, Fixtures.critic(DataType.DOUBLE, 1),
                ToyDistributions.eightGaussians(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the generator's output dimension 3 does not match the data dimension 2");
        assertThatThrownBy(() -> WganTrainer.create(WganConfig.wganGp(), Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.DOUBLE, 1), ToyDistributions.eightGaussians(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data type");
    }
}
