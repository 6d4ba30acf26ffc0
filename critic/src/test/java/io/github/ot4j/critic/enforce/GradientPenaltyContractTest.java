package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.InputGradientPenalty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientPenaltyContractTest extends LipschitzEnforcerContractTest {

    @Override
    LipschitzEnforcer enforcer() {
        return GradientPenalty.wganGp();
    }

    /** The soft promise: gradient norms at fresh interpolates are pulled to 1. */
    /** A soft promise needs training to take effect. */
    @Override
    int trainingSteps() {
        return 300;
    }

    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        double[] norms = gradientNorms(critic, freshReal, freshFake);
        double meanDeviation = 0;
        for (double s : norms) {
            meanDeviation += Math.abs(s - 1) / norms.length;
        }
        assertThat(meanDeviation).isLessThan(0.2);
    }

    static double[] gradientNorms(Critic critic, INDArray real, INDArray fake) {
        INDArray xHat = InputGradientPenalty.interpolate(real, fake, 99);
        INDArray g = critic.inputGradient(xHat, Nd4j.ones(critic.dataType(), xHat.rows(), 1));
        return g.norm2(1).toDoubleVector();
    }
}
