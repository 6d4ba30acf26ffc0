package io.github.ot4j.critic.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.train.CriticMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * Critic estimates against ot-core's exact W<sub>1</sub> on seeded sample sets of 256 points: a 2-D mixture
 * (4-mode ring against a near 3-mode ring). Double precision, a 64 → 64
 * LeakyReLU critic, full batches. Accuracy per method: {@link EstimatorAccuracyTest}. The
 * estimator's settings, progress and determinism are tested quickly by {@link WassersteinEstimatorSettingsTest}.
 */
@Tag("slow")
class WassersteinEstimatorTest {

    /** Duality holds exactly; this only absorbs rounding. */
    private static final double ROUNDING = 1e-9;

    private static final GroundCost COST = GroundCost.euclidean();
    private static final double[][] RING4 = Samples.ring(256, 4, 1.0, new double[] {0, 0}, 0.2, 1);
    private static final double[][] RING3_NEAR = Samples.ring(256, 3, 1.0, new double[] {1, 0.5}, 0.2, 2);

    private static double exact(double[][] p, double[][] q) {
        return OptimalTransport.distance(DiscreteMeasure.uniform(p), DiscreteMeasure.uniform(q), COST);
    }

    private static WassersteinEstimator estimator(CriticMethod method, int iterations) {
        return WassersteinEstimator.of(method).withIterations(iterations).withBatchSize(256)
                .withCritic(new int[] {64, 64}, Activation.LEAKYRELU, DataType.DOUBLE);
    }

    /**
     * Kantorovich–Rubinstein: f / Lip(f) is 1-Lipschitz, so (E<sub>P</sub>f − E<sub>Q</sub>f) / certified bound ≤ W,
     * for every enforcer, however well trained; clipping's raw estimate is far below W (its bound is not 1).
     */
    @Test
    void estimateOverCertifiedBoundNeverExceedsExactForAnyMethod() {
        double exact = exact(RING4, RING3_NEAR);
        List<CriticMethod> methods = List.of(
                CriticMethod.twoStep(COST, new Adam(1e-2, 0.5, 0.999, 1e-8), 5),
                CriticMethod.enforced(GradientPenalty.wganGp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(OneSidedGradientPenalty.wganLp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(SpectralNormalization.miyato(3), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightScaling.under(COST), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightClipping.wgan(), new RmsProp(5e-4)));
        for (CriticMethod method : methods) {
            WassersteinEstimate e = estimator(method, 60).estimate(RING4, RING3_NEAR, COST, 7, exact);
            assertThat(e.exact()).isEqualTo(exact);
            assertThat(e.normalizedEstimate()).as(e.toString()).isLessThanOrEqualTo(exact + ROUNDING);
            // every reading is a feasible dual value on the sample
            assertThat(e.estimate()).as(e.toString()).isLessThanOrEqualTo(exact + ROUNDING);
            assertThat(e.bounds().empiricalLower()).as(e.toString())
                    .isLessThanOrEqualTo(e.bounds().certifiedUpper() + ROUNDING);
            if (method.name().startsWith("weight clipping")) {
                // reported honestly: clipping at c = 0.01 leaves a critic far flatter than 1-Lipschitz
                assertThat((e.meanDifference() - exact) / exact).as(e.toString()).isLessThan(-0.5);
            }
        }
    }
}
