package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.critic.Critic;
import org.nd4j.linalg.api.ndarray.INDArray;

class OneSidedGradientPenaltyContractTest extends LipschitzEnforcerContractTest {

    @Override
    LipschitzEnforcer enforcer() {
        return OneSidedGradientPenalty.wganLp();
    }

    /** A soft promise needs training to take effect. */
    @Override
    int trainingSteps() {
        return 300;
    }

    /**
     * The soft promise: slopes above 1 at fresh interpolates are small (mean excess below 0.1), and clearly
     * smaller than those of the same critic trained the same number of steps without any enforcer.
     */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        double penalised = meanExcess(critic, freshReal, freshFake);
        double free = meanExcess(trained(none()).critic(), freshReal, freshFake);
        assertThat(penalised).isLessThan(0.1);
        assertThat(free).as("mean excess without an enforcer").isGreaterThan(Math.max(0.2, 3 * penalised));
    }

    private static double meanExcess(Critic critic, INDArray freshReal, INDArray freshFake) {
        double[] norms = GradientPenaltyContractTest.gradientNorms(critic, freshReal, freshFake);
        double meanExcess = 0;
        for (double s : norms) {
            meanExcess += Math.max(0, s - 1) / norms.length;
        }
        return meanExcess;
    }
}
