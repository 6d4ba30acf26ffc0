package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.internal.Arrays2;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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

    /**
     * Each weight matrix was divided by one positive number, its spectral norm (EJML's, to the power
     * iteration's accuracy); the biases are untouched.
     */
    @Override
    void assertExactlyRepaired(INDArray before, Critic critic, INDArray freshReal, INDArray freshFake) {
        MultiLayerNetwork net = critic.network();
        INDArray after = net.params().dup();
        for (int k = 0; k < net.getnLayers(); k++) {
            net.params().assign(before);
            INDArray w = net.getLayer(k).getParam("W").dup();
            INDArray b = net.getLayer(k).getParam("b").dup();
            double sigma = LipschitzBounds.spectralNorm(w);
            net.params().assign(after);
            INDArray scaled = net.getLayer(k).getParam("W");
            double factor = scaled.norm2Number().doubleValue() / w.norm2Number().doubleValue();
            assertThat(factor).as("layer %d's factor", k).isCloseTo(1 / sigma, within(0.01 / sigma));
            assertThat(scaled.sub(w.mul(factor)).amaxNumber().doubleValue()).as("layer %d proportional", k)
                    .isLessThan(1e-12);
            assertThat(net.getLayer(k).getParam("b")).as("layer %d's bias", k).isEqualTo(b);
        }
    }

    @Test
    void aFailedNormalisationLeavesThePowerIterationVectorsAndWeightsAsTheyWere() {
        Critic critic = smallCritic(5);
        Critic reference = smallCritic(5);
        SpectralNormalization.Normalizer failing = SpectralNormalization.of(1, 3).bind(critic);
        SpectralNormalization.Normalizer fresh = SpectralNormalization.of(1, 3).bind(reference);
        // a zero last layer makes its estimate 0: the call fails after layer 0's iteration ran
        int last = critic.network().getnLayers() - 1;
        INDArray lastWeights = critic.network().getLayer(last).getParam("W");
        INDArray saved = lastWeights.dup();
        INDArray before = critic.network().params().dup();
        lastWeights.assign(0.0);
        INDArray zeroed = critic.network().params().dup();
        assertThatThrownBy(failing::normalize).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("layer " + last);
        assertThat(critic.network().params()).isEqualTo(zeroed);
        lastWeights.assign(saved);
        assertThat(critic.network().params()).isEqualTo(before);

        // the failed call must not have advanced the vectors: the next normalisation equals a fresh enforcer's
        failing.normalize();
        fresh.normalize();
        assertThat(critic.network().params()).isEqualTo(reference.network().params());
    }

    @Test
    void theVectorsPersistInTheBoundNormaliserOnly() {
        Critic a = smallCritic(5);
        Critic b = smallCritic(5);
        SpectralNormalization settings = SpectralNormalization.of(1, 3);
        SpectralNormalization.Normalizer bound = settings.bind(a);
        bound.normalize();
        bound.normalize(); // the second call continues the first call's vectors
        settings.afterUpdate(b, null, null);
        settings.afterUpdate(b, null, null); // unbound: fresh vectors each time
        assertThat(a.network().params()).isNotEqualTo(b.network().params());
        assertThat(bound.bind(a)).isSameAs(bound);
        assertThat(bound.bind(b)).isNotSameAs(bound);
        assertThatThrownBy(() -> bound.afterUpdate(b, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another critic");
        assertThat(SpectralNormalization.of(1, 3)).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(SpectralNormalization.of(2, 3)).isNotEqualTo(settings);
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
