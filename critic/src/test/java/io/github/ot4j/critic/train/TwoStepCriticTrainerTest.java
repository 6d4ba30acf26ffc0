package io.github.ot4j.critic.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ot4j.core.CTransform;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.enforce.WeightScaling;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class TwoStepCriticTrainerTest {

    @Test
    void anIterationRegressesOntoTheTargetsThenScalesWithinTheBatchConstraints() {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {16, 16}, Activation.LEAKYRELU, DataType.DOUBLE, 3));
        INDArray y = critic.batch(Samples.gaussian(24, new double[] {0, 0}, 1.0, 1));
        INDArray x = critic.batch(Samples.gaussian(24, new double[] {3, 1}, 1.0, 2));
        TwoStepCriticTrainer trainer = TwoStepCriticTrainer.of(critic, GroundCost.cityblock(), new Adam(1e-2), 5);
        CriticStep first = trainer.step(y, x, 0);
        CriticStep last = first;
        for (int s = 1; s < 40; s++) {
            last = trainer.step(y, x, s);
        }
        assertThat(last.loss()).isLessThan(first.loss());
        // weight scaling: f(y_i) − f(x_j) ≤ c_ij on every batch pair
        assertThat(WeightScaling.under(GroundCost.cityblock()).maxRatio(critic, y, x, Double.NEGATIVE_INFINITY))
                .isLessThanOrEqualTo(1 + 1e-12);
        // the c-transform reading is a dual-feasible value: never above the exact batch distance, never below
        // the scaled critic's mean difference (the paper's estimate)
        double exact = trainer.lastTarget().distance();
        assertThat(last.estimate()).isLessThanOrEqualTo(exact + 1e-9)
                .isGreaterThanOrEqualTo(critic.meanDifference(y, x) - 1e-9).isGreaterThan(0.8 * exact);
        assertThat(last.penalty()).isZero();
        // and it is at least the reading of the scaled critic as the network computes it
        DiscreteMeasure real = DiscreteMeasure.uniform(y.toDoubleMatrix());
        DiscreteMeasure fake = DiscreteMeasure.uniform(x.toDoubleMatrix());
        double[] u = critic.values(y).toDoubleVector();
        double scaled = CTransform.dualValue(real, u, fake,
                CTransform.ofU(CostMatrix.between(real, fake, GroundCost.cityblock()), u));
        assertThat(last.estimate()).isGreaterThanOrEqualTo(scaled - 1e-12);
    }

    @Test
    void settingsAreValidated() {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {4}, Activation.RELU, DataType.DOUBLE, 3));
        assertThatThrownBy(() -> TwoStepCriticTrainer.of(critic, null)).hasMessageContaining("cost");
        assertThatThrownBy(() -> TwoStepCriticTrainer.of(critic, GroundCost.euclidean(), new Adam(), 0))
                .hasMessageContaining("regressionSteps must be >= 1 but is 0");
    }
}
