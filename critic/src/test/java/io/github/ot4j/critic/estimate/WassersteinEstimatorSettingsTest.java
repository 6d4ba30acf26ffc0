package io.github.ot4j.critic.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.train.CriticMethod;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** The estimator's settings, progress and determinism, on tiny runs (its accuracy: {@link WassersteinEstimatorTest}). */
class WassersteinEstimatorSettingsTest {

    private static final GroundCost COST = GroundCost.euclidean();
    private static final double[][] P = Samples.gaussian(32, new double[] {0, 0}, 1.0, 5);
    private static final double[][] Q = Samples.gaussian(32, new double[] {1, 0}, 1.0, 6);

    private static WassersteinEstimator tiny(CriticMethod method) {
        return WassersteinEstimator.of(method).withIterations(4).withBatchSize(16)
                .withCritic(new int[] {8}, Activation.LEAKYRELU, DataType.DOUBLE);
    }

    @Test
    void progressIsReportedAfterEveryIterationAndTheSameSeedGivesTheSameEstimate() {
        CriticMethod gp = CriticMethod.enforced(GradientPenalty.wganGp(), new Adam(1e-3, 0.5, 0.9, 1e-8));
        List<Integer> seen = new java.util.ArrayList<>();
        WassersteinEstimate first = tiny(gp).estimate(P, Q, COST, 3, 1.0, (iteration, iterations, step) -> {
            assertThat(iterations).isEqualTo(4);
            assertThat(Double.isFinite(step.loss())).isTrue();
            seen.add(iteration);
        });
        assertThat(seen).containsExactly(1, 2, 3, 4);
        WassersteinEstimate again = tiny(gp).estimate(P, Q, COST, 3, 1.0);
        assertThat(again.estimate()).isEqualTo(first.estimate());
        assertThat(tiny(gp).estimate(P, Q, COST, 4, 1.0).estimate()).isNotEqualTo(first.estimate());
    }

    @Test
    void settingsAndInputAreValidated() {
        CriticMethod gp = CriticMethod.enforced(GradientPenalty.wganGp());
        assertThatThrownBy(() -> WassersteinEstimator.of(gp).withIterations(0))
                .hasMessageContaining("iterations must be >= 1 but is 0");
        assertThatThrownBy(() -> WassersteinEstimator.of(gp).withBatchSize(-1))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> WassersteinEstimator.of(null)).hasMessageContaining("method");
        double[][] threeD = Samples.gaussian(4, new double[3], 1.0, 1);
        assertThatThrownBy(() -> WassersteinEstimator.of(gp).estimate(P, threeD, COST, 1, 1.0))
                .hasMessageContaining("same dimension");
        assertThatThrownBy(() -> WassersteinEstimator.of(gp).estimate(P, P, COST, 1, Double.NaN))
                .hasMessageContaining("exact");
    }

    /** The two-step method and weight scaling make f 1-Lipschitz under their own cost: another is refused. */
    @Test
    void aMethodTiedToAnotherCostIsRefused() {
        GroundCost l1 = GroundCost.cityblock();
        assertThatThrownBy(() -> tiny(CriticMethod.twoStep(l1)).estimate(P, Q, COST, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("works under the cost")
                .hasMessageContaining(l1.toString()).hasMessageContaining(COST.toString());
        assertThatThrownBy(() -> tiny(CriticMethod.enforced(WeightScaling.under(l1))).estimate(P, Q, COST, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("works under the cost");
        assertThat(tiny(CriticMethod.twoStep(l1)).estimate(P, Q, l1, 1, 1.0).iterations()).isEqualTo(4);
    }

    @Test
    void estimatorsWithEqualSettingsAreEqual() {
        assertThat(tiny(CriticMethod.wganGp())).isEqualTo(tiny(CriticMethod.wganGp()))
                .hasSameHashCodeAs(tiny(CriticMethod.wganGp()));
        assertThat(tiny(CriticMethod.twoStep(COST))).isNotEqualTo(tiny(CriticMethod.twoStep(GroundCost.cityblock())));
    }
}
