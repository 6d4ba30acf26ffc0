package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.Samples;
import io.github.ot4j.critic.train.CriticTrainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The contract every {@link LipschitzEnforcer} passes: the full critic gradient (WGAN term plus the enforcer's
 * penalty) equals central finite differences in double precision, and after training what the enforcer
 * promises holds on fresh data.
 */
abstract class LipschitzEnforcerContractTest {

    /** Relative (and, below magnitude 1, absolute) tolerance of the finite-difference comparison. */
    static final double TOLERANCE = 1e-5;
    /** The central-difference step in parameter space. */
    static final double STEP = 1e-8;

    /** @return a fresh enforcer under test */
    abstract LipschitzEnforcer enforcer();

    /**
     * Asserts the enforcer's promise for a critic it was just applied to on the fresh batch.
     *
     * @param critic    the trained critic
     * @param freshReal a real batch not seen in training
     * @param freshFake a fake batch not seen in training
     */
    abstract void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake);

    /** @return the number of training steps before the promise is checked */
    int trainingSteps() {
        return 40;
    }

    static Critic smallCritic(long seed) {
        return Critic.mlp(new CriticSpec(2, new int[] {12, 10}, Activation.LEAKYRELU, DataType.DOUBLE, seed));
    }

    static INDArray real(Critic critic, int n, long seed) {
        return critic.batch(Samples.ring(n, 4, 2.0, new double[] {1.0, 0.0}, 0.3, seed));
    }

    static INDArray fake(Critic critic, int n, long seed) {
        return critic.batch(Samples.gaussian(n, new double[] {0.0, 0.5}, 1.0, seed));
    }

    @Test
    void fullCriticGradientMatchesCentralFiniteDifferences() {
        Critic critic = smallCritic(11);
        CriticTrainer trainer = CriticTrainer.of(critic, enforcer(), new Adam(1e-3));
        INDArray y = real(critic, 24, 1);
        INDArray x = fake(critic, 24, 2);
        long seed = 5;
        INDArray analytic = trainer.lossGradient(y, x, seed);
        INDArray params = critic.network().params();
        assertThat(analytic.length()).isEqualTo(params.length());
        for (long p = 0; p < params.length(); p++) {
            double original = params.getDouble(p);
            params.putScalar(p, original + STEP);
            double plus = trainer.loss(y, x, seed);
            params.putScalar(p, original - STEP);
            double minus = trainer.loss(y, x, seed);
            params.putScalar(p, original);
            double numeric = (plus - minus) / (2 * STEP);
            double exact = analytic.getDouble(p);
            assertThat(Math.abs(exact - numeric))
                    .as("parameter %d: analytic %s, central difference %s", p, exact, numeric)
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(1.0, Math.abs(exact)));
        }
    }

    /**
     * Whether {@link LipschitzEnforcer#afterUpdate} enforces a hard promise (projection, clipping, scaling) on the
     * batch it is given, so that it holds right after every update; false for the soft penalties.
     *
     * @return whether the promise is hard
     */
    boolean hardPromise() {
        return false;
    }

    /**
     * Asserts that the promise is violated, for a trained critic whose parameters were doubled and shifted by 0.01
     * (hard promises only).
     *
     * @param critic    the critic
     * @param freshReal a real batch not seen in training
     * @param freshFake a fake batch not seen in training
     */
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
    }

    /**
     * Asserts what one enforcement must have made of a critic, computed independently of the enforcer's code
     * (hard promises only): a wrong projection — too strong, on the wrong parameters — fails here even where it
     * keeps the promise.
     *
     * @param before    the parameters before the enforcement
     * @param critic    the critic after it
     * @param freshReal the real batch it was given
     * @param freshFake the fake batch it was given
     */
    void assertExactlyRepaired(INDArray before, Critic critic, INDArray freshReal, INDArray freshFake) {
    }

    /** A critic trained as the promise tests train it, with the enforcer the trainer bound and its last batch. */
    record Trained(Critic critic, LipschitzEnforcer bound, INDArray lastReal, INDArray lastFake) {
    }

    /** Trains a critic with the given enforcer; the trainer's own (bound) enforcer is kept for later calls. */
    Trained trained(LipschitzEnforcer enforcer) {
        Critic critic = smallCritic(21);
        LipschitzEnforcer bound = enforcer.bind(critic);
        CriticTrainer trainer = CriticTrainer.of(critic, bound, new Adam(1e-3, 0.5, 0.9, 1e-8));
        INDArray y = null;
        INDArray x = null;
        for (int s = 0; s < trainingSteps(); s++) {
            y = real(critic, 64, 100 + s);
            x = fake(critic, 64, 200 + s);
            trainer.step(y, x, s);
        }
        return new Trained(critic, bound, y, x);
    }

    /** No enforcement at all, to compare soft promises with. */
    static LipschitzEnforcer none() {
        return () -> "none";
    }

    /**
     * After training, the promise holds: a hard one on the batch of the last update (the trainer enforced it
     * there, after the updater's step), a soft one on fresh data. The check is the test's own computation, not
     * the enforcer's.
     */
    @Test
    void promiseHoldsAfterTraining() {
        Trained t = trained(enforcer());
        if (hardPromise()) {
            assertPromise(t.critic(), t.lastReal(), t.lastFake());
        } else {
            assertPromise(t.critic(), real(t.critic(), 128, 7777), fake(t.critic(), 128, 8888));
        }
    }

    @Test
    void oneEnforcementRepairsAViolatedPromiseExactly() {
        assumeTrue(hardPromise(), "soft promises are not enforced by a single afterUpdate");
        Trained t = trained(enforcer());
        Critic critic = t.critic();
        INDArray freshReal = real(critic, 128, 7777);
        INDArray freshFake = fake(critic, 128, 8888);
        // doubled, and shifted so that no bias is 0 (the WGAN loss's gradient leaves the last bias at its initial 0,
        // which would hide an enforcer that forgets it)
        critic.network().params().muli(2.0).addi(0.01);
        assertViolated(critic, freshReal, freshFake);
        INDArray before = critic.network().params().dup();
        t.bound().afterUpdate(critic, freshReal, freshFake);
        assertPromise(critic, freshReal, freshFake);
        assertExactlyRepaired(before, critic, freshReal, freshFake);
    }

    /** The test's own ratios (f(y_i) − f(x_j)) / c(y_i, x_j) over the pairs with c &gt; 0, in plain Java. */
    static double maxRatio(Critic critic, INDArray real, INDArray fake, GroundCost cost) {
        double[][] y = real.toDoubleMatrix();
        double[][] x = fake.toDoubleMatrix();
        double[] fy = critic.values(real).toDoubleVector();
        double[] fx = critic.values(fake).toDoubleVector();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double c = cost.between(y[i], x[j]);
                if (c > 0) {
                    max = Math.max(max, (fy[i] - fx[j]) / c);
                }
            }
        }
        return max;
    }
}
