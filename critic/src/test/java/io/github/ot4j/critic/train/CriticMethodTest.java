package io.github.ot4j.critic.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

/** Critic methods are values: equal settings, equal methods; every setting, the cost included, counts. */
class CriticMethodTest {

    @Test
    void thePapersRecipes() {
        assertThat(CriticMethod.wgan()).isEqualTo(new CriticMethod.Enforced(new WeightClipping(0.01), new RmsProp(5e-5, 0.99, 1e-8)));
        // the same RMSProp decay as the generator's in WganConfig.wgan() (DL4J's default would be 0.95)
        assertThat(((org.nd4j.linalg.learning.config.RmsProp) CriticMethod.wgan().updater()).getRmsDecay())
                .isEqualTo(0.99);
        assertThat(CriticMethod.wganGp())
                .isEqualTo(new CriticMethod.Enforced(new GradientPenalty(10), new Adam(1e-4, 0.5, 0.9, 1e-8)));
        assertThat(CriticMethod.twoStep(GroundCost.cityblock()))
                .isEqualTo(new CriticMethod.TwoStep(GroundCost.cityblock(), new Adam(1e-4, 0.5, 0.999, 1e-8), 5));
    }

    @Test
    void everySettingTakesPartInEquality() {
        CriticMethod.TwoStep l1 = CriticMethod.twoStep(GroundCost.cityblock());
        assertThat(CriticMethod.twoStep(GroundCost.named("l1"))).isEqualTo(l1).hasSameHashCodeAs(l1);
        assertThat(l1.withCost(GroundCost.euclidean())).isNotEqualTo(l1);
        assertThat(l1.withRegressionSteps(6)).isNotEqualTo(l1);
        assertThat(l1.withUpdater(new Adam(2e-4, 0.5, 0.999, 1e-8))).isNotEqualTo(l1);
        assertThat(CriticMethod.enforced(WeightScaling.under(GroundCost.cityblock())))
                .isNotEqualTo(CriticMethod.enforced(WeightScaling.under(GroundCost.euclidean())));
        assertThat(CriticMethod.enforced(SpectralNormalization.of(1, 2)))
                .isNotEqualTo(CriticMethod.enforced(SpectralNormalization.of(1, 3)));
    }

    @Test
    void updatersAreCopiedInAndOut() {
        Adam adam = new Adam(1e-3);
        CriticMethod.Enforced method = CriticMethod.enforced(GradientPenalty.wganGp(), adam);
        adam.setLearningRate(0.5);
        method.updater().setLrAndSchedule(0.7, null);
        assertThat(((Adam) method.updater()).getLearningRate()).isEqualTo(1e-3);
    }

    @Test
    void theCostIsTheOneUnderWhichTheCriticIsOneLipschitz() {
        assertThat(CriticMethod.twoStep(GroundCost.cityblock()).cost()).isEqualTo(GroundCost.cityblock());
        assertThat(CriticMethod.enforced(WeightScaling.under(GroundCost.cityblock())).cost())
                .isEqualTo(GroundCost.cityblock());
        assertThat(CriticMethod.wganGp().cost()).isEqualTo(GroundCost.euclidean());
    }

    @Test
    void aMethodMakesItsTrainer() {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {4}, Activation.RELU, DataType.DOUBLE, 1));
        CriticTrainer enforced = CriticMethod.wganGp().trainer(critic);
        assertThat(enforced.enforcer()).isEqualTo(GradientPenalty.wganGp());
        assertThat(enforced.updater()).isEqualTo(new Adam(1e-4, 0.5, 0.9, 1e-8));
        TwoStepCriticTrainer twoStep = CriticMethod.twoStep(GroundCost.cityblock()).withRegressionSteps(2)
                .trainer(critic);
        assertThat(twoStep.regressionSteps()).isEqualTo(2);
        assertThat(twoStep.cost()).isEqualTo(GroundCost.cityblock());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> CriticMethod.twoStep(null)).hasMessageContaining("cost must not be null");
        assertThatThrownBy(() -> CriticMethod.twoStep(GroundCost.euclidean()).withRegressionSteps(0))
                .hasMessageContaining("regressionSteps must be >= 1 but is 0");
        assertThatThrownBy(() -> CriticMethod.wganGp().withUpdater(new Adam(1e-4, 1.0, 0.9, 1e-8)))
                .hasMessageContaining("critic updater beta1 must be in [0, 1) but is 1.0");
        assertThatThrownBy(() -> CriticMethod.enforced(null)).hasMessageContaining("enforcer");
    }
}
