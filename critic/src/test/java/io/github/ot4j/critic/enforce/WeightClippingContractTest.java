package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.internal.Arrays2;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

class WeightClippingContractTest extends LipschitzEnforcerContractTest {

    private static final double C = 0.05;

    @Override
    LipschitzEnforcer enforcer() {
        return WeightClipping.of(C);
    }

    /**
     * Every parameter lies in [−c, c], so the Lipschitz constant is at most Π c·√(nIn·nOut) (the product is the
     * test's own, over the layers' weight shapes).
     */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        INDArray params = critic.network().params();
        assertThat(params.amaxNumber().doubleValue()).isLessThanOrEqualTo(C);
        double implied = 1;
        for (int k = 0; k < critic.network().getnLayers(); k++) {
            long[] shape = critic.network().getLayer(k).getParam("W").shape();
            implied *= C * Math.sqrt((double) shape[0] * shape[1]);
        }
        LipschitzBounds bounds = LipschitzBounds.of(critic, Arrays2.rows(freshReal), Arrays2.rows(freshFake),
                GroundCost.euclidean());
        assertThat(bounds.certifiedUpper()).isLessThanOrEqualTo(implied);
        assertThat(bounds.empiricalLower()).isLessThanOrEqualTo(bounds.certifiedUpper());
    }

    @Test
    void theImpliedBoundIsTheProductOfTheLayersBounds() {
        // 2 → 12 → 10 → 1: c·√24 · c·√120 · c·√10
        double expected = C * Math.sqrt(24) * C * Math.sqrt(120) * C * Math.sqrt(10);
        assertThat(WeightClipping.of(C).impliedBound(smallCritic(1)))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Override
    boolean hardPromise() {
        return true;
    }

    /** Some parameter lies outside [−c, c]. */
    @Override
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
        assertThat(critic.network().params().amaxNumber().doubleValue()).isGreaterThan(C);
    }

    /** Each parameter p became max(−c, min(c, p)): the others are untouched. */
    @Override
    void assertExactlyRepaired(INDArray before, Critic critic, INDArray freshReal, INDArray freshFake) {
        double[] p = before.toDoubleVector();
        double[] after = critic.network().params().toDoubleVector();
        for (int i = 0; i < p.length; i++) {
            assertThat(after[i]).as("parameter %d", i).isEqualTo(Math.max(-C, Math.min(C, p[i])));
        }
    }
}
