package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.internal.Arrays2;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightClippingContractTest extends LipschitzEnforcerContractTest {

    private static final double C = 0.05;

    @Override
    LipschitzEnforcer enforcer() {
        return WeightClipping.of(C);
    }

    /** Every parameter lies in [−c, c], so the Lipschitz constant is at most Π c·√(nIn·nOut). */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        INDArray params = critic.network().params();
        assertThat(params.amaxNumber().doubleValue()).isLessThanOrEqualTo(C);
        double implied = WeightClipping.of(C).impliedBound(critic);
        LipschitzBounds bounds = LipschitzBounds.of(critic, Arrays2.rows(freshReal), Arrays2.rows(freshFake),
                GroundCost.euclidean());
        assertThat(bounds.certifiedUpper()).isLessThanOrEqualTo(implied);
        assertThat(bounds.empiricalLower()).isLessThanOrEqualTo(bounds.certifiedUpper());
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
}
