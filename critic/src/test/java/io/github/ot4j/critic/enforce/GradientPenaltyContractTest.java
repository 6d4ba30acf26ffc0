package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.InputGradientPenalty;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientPenaltyContractTest extends LipschitzEnforcerContractTest {

    @Override
    LipschitzEnforcer enforcer() {
        return GradientPenalty.wganGp();
    }

    /** A soft promise needs training to take effect. */
    @Override
    int trainingSteps() {
        return 300;
    }

    /**
     * The soft promise: gradient norms at fresh interpolates are pulled towards 1 — closer than those of the
     * untrained critic, and on average within 0.3 (the optimum itself overshoots by about W/(2λ)).
     */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        double trained = meanDeviation(gradientNorms(critic, freshReal, freshFake));
        double untrained = meanDeviation(gradientNorms(smallCritic(21), freshReal, freshFake));
        assertThat(trained).isLessThan(0.3).isLessThan(untrained);
    }

    private static double meanDeviation(double[] norms) {
        double sum = 0;
        for (double s : norms) {
            sum += Math.abs(s - 1) / norms.length;
        }
        return sum;
    }

    static double[] gradientNorms(Critic critic, INDArray real, INDArray fake) {
        INDArray xHat = InputGradientPenalty.interpolate(real, fake, 99);
        INDArray g = TrainableNetwork.of("critic", critic.network())
                .inputGradient(xHat, Nd4j.ones(critic.dataType(), xHat.rows(), 1));
        return g.norm2(1).toDoubleVector();
    }
}
