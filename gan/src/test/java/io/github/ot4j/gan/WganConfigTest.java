package io.github.ot4j.gan;

import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.train.CriticMethod;
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
        CriticMethod.Enforced w = (CriticMethod.Enforced) wgan.critic().method();
        assertThat(w.enforcer()).isEqualTo(new WeightClipping(0.01));
        assertThat(wgan.critic().steps()).isEqualTo(5);
        assertThat(w.updater()).isEqualTo(new RmsProp(5e-5, 0.99, 1e-8));
        assertThat(wgan.generatorUpdater()).isEqualTo(new RmsProp(5e-5, 0.99, 1e-8));

        WganConfig gp = WganConfig.wganGp();
        assertThat(gp.critic()).isEqualTo(new CriticSchedule(new CriticMethod.Enforced(new GradientPenalty(10.0),
                new Adam(1e-4, 0.5, 0.9, 1e-8)), 5));
        assertThat(gp.generatorUpdater()).isEqualTo(new Adam(1e-4, 0.5, 0.9, 1e-8));
        assertThat(((CriticMethod.Enforced) WganConfig.wganGpToy().critic().method()).enforcer())
                .isEqualTo(new GradientPenalty(0.1));
        assertThat(WganConfig.wganGpToy().batchSize()).isEqualTo(256);

        WganConfig ts = WganConfig.wganTs();
        assertThat(ts.critic()).isEqualTo(new CriticSchedule(new CriticMethod.TwoStep(GroundCost.cityblock(),
                new Adam(1e-4, 0.5, 0.999, 1e-8), 5), 1));
        assertThat(ts.generatorUpdater()).isEqualTo(new Adam(1e-4, 0.5, 0.999, 1e-8));
        assertThat(ts.criticCost().between(new double[] {0, 0}, new double[] {1, -2})).isEqualTo(3.0);
        assertThat(ts.batchSize()).isEqualTo(256);
        assertThat(WganConfig.wgan().batchSize()).isEqualTo(256);
        assertThat(WganConfig.wganGp().batchSize()).isEqualTo(256);
    }

    @Test
    void overridesKeepTheRest() {
        WganConfig c = WganConfig.wganGp().withCriticSteps(3).withBatchSize(32).withLearningRates(1e-3, 2e-3);
        assertThat(c.critic().steps()).isEqualTo(3);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(((Adam) c.generatorUpdater()).getLearningRate()).isEqualTo(1e-3);
        assertThat(((Adam) c.critic().method().updater()).getLearningRate()).isEqualTo(2e-3);
        assertThat(((Adam) c.critic().method().updater()).getBeta2()).isEqualTo(0.9);
        assertThat(((CriticMethod.Enforced) c.critic().method()).enforcer()).isEqualTo(new GradientPenalty(10.0));
    }

    /** Steps per generator step mean the same in every mode; what is mode-specific lives in the method's record. */
    @Test
    void modeSpecificSettingsLiveInTheMethodsRecord() {
        WganConfig ts = WganConfig.wganTs().withCriticSteps(3);
        assertThat(ts.critic().steps()).isEqualTo(3);
        CriticMethod.TwoStep t = (CriticMethod.TwoStep) ts.critic().method();
        WganConfig seven = ts.withCriticMethod(t.withRegressionSteps(7));
        assertThat(((CriticMethod.TwoStep) seven.critic().method()).regressionSteps()).isEqualTo(7);
        assertThat(seven.critic().steps()).isEqualTo(3);
        WganConfig euclidean = ts.withCriticMethod(t.withCost(GroundCost.euclidean()));
        assertThat(euclidean.criticCost()).isEqualTo(GroundCost.euclidean());
        assertThat(euclidean).isNotEqualTo(ts);
        assertThat(WganConfig.wganTs()).isEqualTo(WganConfig.wganTs()).hasSameHashCodeAs(WganConfig.wganTs());
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
                .hasMessageContaining("steps must be at least 1 but is 0");
        assertThatThrownBy(() -> CriticMethod.twoStep(GroundCost.cityblock()).withRegressionSteps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regressionSteps must be >= 1 but is 0");
        assertThatThrownBy(() -> WganConfig.wganGp().withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be at least 1");
        assertThatThrownBy(() -> WganConfig.wganGp().withCriticUpdater(new Adam(1e-4, 1.0, 0.9, 1e-8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic updater beta1 must be in [0, 1) but is 1.0");
        assertThatThrownBy(() -> WganConfig.wgan().withLearningRates(Double.NaN, 1e-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new CriticSchedule(null, 1)).hasMessageContaining("method");
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
