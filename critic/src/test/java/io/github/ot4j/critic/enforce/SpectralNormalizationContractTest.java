package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.internal.Arrays2;
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
}
