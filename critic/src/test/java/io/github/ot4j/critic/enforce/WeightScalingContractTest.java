package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightScalingContractTest extends LipschitzEnforcerContractTest {

    private static final GroundCost COST = GroundCost.euclidean();

    @Override
    LipschitzEnforcer enforcer() {
        return WeightScaling.under(COST);
    }

    /** After scaling, f(y_i) − f(x_j) ≤ c(y_i, x_j) on every pair of the batch scaled on. */
    @Override
    void assertPromise(Critic critic, INDArray real, INDArray fake) {
        assertThat(maxRatio(critic, real, fake, COST)).isLessThanOrEqualTo(1.0 + 1e-12);
    }

    @Override
    boolean hardPromise() {
        return true;
    }

    /** β &gt; 1: some pair of the batch breaks f(y_i) − f(x_j) ≤ c(y_i, x_j). */
    @Override
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
        assertThat(maxRatio(critic, freshReal, freshFake, COST)).isGreaterThan(1.0 + 1e-6);
    }

    /**
     * f ← f/β with β the largest ratio before: every value is divided by the same β, so the largest ratio is now
     * exactly 1 (not smaller: scaling more than needed would lose distance).
     */
    @Override
    void assertExactlyRepaired(INDArray before, Critic critic, INDArray freshReal, INDArray freshFake) {
        INDArray after = critic.network().params().dup();
        critic.network().params().assign(before);
        double beta = maxRatio(critic, freshReal, freshFake, COST);
        double[] fBefore = critic.values(freshReal).toDoubleVector();
        critic.network().params().assign(after);
        double[] fAfter = critic.values(freshReal).toDoubleVector();
        for (int i = 0; i < fBefore.length; i++) {
            assertThat(fAfter[i]).as("f(y_%d)", i).isCloseTo(fBefore[i] / beta, within(1e-12 * (1 + Math.abs(fBefore[i]))));
        }
        assertThat(maxRatio(critic, freshReal, freshFake, COST)).isCloseTo(1.0, within(1e-12));
    }
}
