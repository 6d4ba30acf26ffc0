package io.github.ot4j.core.sliced;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.core.breadth.BreadthReference;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.oned.Wasserstein1d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SlicedWassersteinTest {

    /** POT's estimate used 20 000 directions too; its Monte Carlo error is about ours. */
    private static final int PROJECTIONS = 20_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void agreesWithPotWithinMonteCarloError(int p) {
        MeasurePair pair = BreadthReference.pair("sliced3d");
        SlicedResult r = SlicedWasserstein.distance(pair.x(), pair.y(), p, PROJECTIONS, 42);
        double pot = BreadthReference.value("sliced3d", "sliced_" + p);
        assertThat(r.standardError()).isPositive().isLessThan(0.01 * r.value());
        // two independent estimates: the difference has standard error √2 · se; allow 4 of them
        assertThat(r.value()).isCloseTo(pot, within(4 * Math.sqrt(2) * r.standardError()));
    }

    @Test
    void isAtMostTheExactDistanceOfTheSameOrder() {
        MeasurePair pair = BreadthReference.pair("sliced3d");
        double w2 = BreadthReference.value("sliced3d", "exact_w2");
        double w1 = OptimalTransport.solve(pair.x(), pair.y(), GroundCost.euclidean()).value();
        assertThat(SlicedWasserstein.distance(pair.x(), pair.y(), 2, 500, 1).value()).isLessThan(w2);
        assertThat(SlicedWasserstein.distance(pair.x(), pair.y(), 1, 500, 1).value()).isLessThan(w1);
    }

    @Test
    void isDeterministicBySeed() {
        MeasurePair pair = BreadthReference.pair("sliced3d");
        SlicedResult first = SlicedWasserstein.distance(pair.x(), pair.y(), 2, 200, 9);
        assertThat(SlicedWasserstein.distance(pair.x(), pair.y(), 2, 200, 9)).isEqualTo(first);
        assertThat(SlicedWasserstein.distance(pair.x(), pair.y(), 2, 200, 10).value()).isNotEqualTo(first.value());
    }

    @Test
    void inOneDimensionItIsTheExactDistance() {
        MeasurePair pair = BreadthReference.pair("oned");
        SlicedResult r = SlicedWasserstein.distance(pair.x(), pair.y(), 3, 5, 1);
        assertThat(r.value()).isCloseTo(Wasserstein1d.distance(pair.x(), pair.y(), 3), within(1e-12));
        assertThat(r.standardError()).isCloseTo(0, within(1e-12));
    }

    @Test
    void badInputIsRefused() {
        DiscreteMeasure mu = DiscreteMeasure.uniform(new double[][] {{0, 0}, {1, 1}});
        DiscreteMeasure line = DiscreteMeasure.uniform(new double[][] {{0}});
        assertThatThrownBy(() -> SlicedWasserstein.distance(mu, mu, 0.9, 10, 1)).hasMessageContaining("p must be");
        assertThatThrownBy(() -> SlicedWasserstein.distance(mu, mu, 1, 0, 1)).hasMessageContaining("projections");
        assertThatThrownBy(() -> SlicedWasserstein.distance(mu, line, 1, 10, 1)).hasMessageContaining("dimension");
        DiscreteMeasure heavy = DiscreteMeasure.of(new double[][] {{0, 0}}, new double[] {2});
        assertThatThrownBy(() -> SlicedWasserstein.distance(mu, heavy, 1, 10, 1))
                .hasMessageContaining("same total mass");
    }
}
