package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightScalingContractTest extends LipschitzEnforcerContractTest {

    @Override
    LipschitzEnforcer enforcer() {
        return WeightScaling.under(GroundCost.euclidean());
    }

    /** After scaling, f(y_i) − f(x_j) ≤ c(y_i, x_j) on every pair of the batch scaled on. */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        double ratio = WeightScaling.under(GroundCost.euclidean())
                .maxRatio(critic, freshReal, freshFake, Double.NEGATIVE_INFINITY);
        assertThat(ratio).isLessThanOrEqualTo(1.0 + 1e-12);
    }

    @Override
    boolean hardPromise() {
        return true;
    }

    /** β &gt; 1: some pair of the batch breaks f(y_i) − f(x_j) ≤ c(y_i, x_j). */
    @Override
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
        double ratio = WeightScaling.under(GroundCost.euclidean())
                .maxRatio(critic, freshReal, freshFake, Double.NEGATIVE_INFINITY);
        assertThat(ratio).isGreaterThan(1.0 + 1e-6);
    }
}
