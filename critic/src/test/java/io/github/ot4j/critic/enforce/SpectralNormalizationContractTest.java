package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.internal.Arrays2;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SpectralNormalizationContractTest extends LipschitzEnforcerContractTest {

    @Override
    LipschitzEnforcer enforcer() {
        return SpectralNormalization.of(5, 3);
    }

    /**
     * The certified bound is 1 up to the power iteration's error — never below 1, since power iteration
     * approaches each σ from below — and bounds the observed slopes.
     */
    @Override
    void assertPromise(Critic critic, INDArray freshReal, INDArray freshFake) {
        LipschitzBounds bounds = LipschitzBounds.of(critic, Arrays2.rows(freshReal), Arrays2.rows(freshFake),
                GroundCost.euclidean());
        assertThat(bounds.certifiedUpper()).isBetween(1 - 1e-9, 1.01);
        assertThat(bounds.empiricalLower()).isLessThanOrEqualTo(bounds.certifiedUpper());
    }

    @Test
    void aFailedNormalisationLeavesThePowerIterationVectorsAndWeightsAsTheyWere() {
        Critic critic = smallCritic(5);
        Critic reference = smallCritic(5);
        SpectralNormalization failing = SpectralNormalization.of(1, 3);
        SpectralNormalization fresh = SpectralNormalization.of(1, 3);
        // a zero last layer makes its estimate 0: the call fails after layer 0's iteration ran
        int last = critic.layerCount() - 1;
        INDArray saved = critic.weights(last).dup();
        INDArray before = critic.network().params().dup();
        critic.weights(last).assign(0.0);
        INDArray zeroed = critic.network().params().dup();
        assertThatThrownBy(() -> failing.normalize(critic)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("layer " + last);
        assertThat(critic.network().params()).isEqualTo(zeroed);
        critic.weights(last).assign(saved);
        assertThat(critic.network().params()).isEqualTo(before);

        // the failed call must not have advanced the vectors: the next normalisation equals a fresh enforcer's
        failing.normalize(critic);
        fresh.normalize(reference);
        assertThat(critic.network().params()).isEqualTo(reference.network().params());
    }

    @Override
    boolean hardPromise() {
        return true;
    }

    /** The certified bound is clearly above 1. */
    @Override
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
        assertThat(LipschitzBounds.certifiedUpper(critic)).isGreaterThan(1.5);
    }
}
