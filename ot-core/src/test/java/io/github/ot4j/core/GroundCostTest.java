package io.github.ot4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroundCostTest {

    private static final double[] X = {1, 2, -3};
    private static final double[] Y = {4, -2, -3};

    @Test
    void builtInCostsFollowTheirFormulas() {
        // differences (−3, 4, 0)
        assertThat(GroundCost.euclidean().between(X, Y)).isEqualTo(5.0);
        assertThat(GroundCost.cityblock().between(X, Y)).isEqualTo(7.0);
        assertThat(GroundCost.squaredEuclidean().between(X, Y)).isEqualTo(25.0);
        assertThat(GroundCost.minkowski(Double.POSITIVE_INFINITY).between(X, Y)).isEqualTo(4.0);
        assertThat(GroundCost.minkowski(3).between(X, Y)).isCloseTo(Math.cbrt(27 + 64), within(1e-12));
        assertThat(new MinkowskiCost(1, 2).between(X, Y)).isEqualTo(49.0);
    }

    @Test
    void namesFollowScipy() {
        assertThat(GroundCost.named("euclidean")).isEqualTo(GroundCost.euclidean());
        assertThat(GroundCost.named("CityBlock")).isEqualTo(GroundCost.cityblock());
        assertThat(GroundCost.named("sqeuclidean")).isEqualTo(GroundCost.squaredEuclidean());
        assertThat(GroundCost.named("minkowski:3")).isEqualTo(GroundCost.minkowski(3));
    }

    @Test
    void theMaximumNormHasItsScipyNames() {
        GroundCost max = GroundCost.minkowski(Double.POSITIVE_INFINITY);
        assertThat(GroundCost.named("chebyshev")).isEqualTo(max);
        assertThat(GroundCost.named(" Chebyshev ")).isEqualTo(max);
        assertThat(GroundCost.named("minkowski:inf")).isEqualTo(max);
        assertThat(GroundCost.named("minkowski:Infinity")).isEqualTo(max);
        assertThat(GroundCost.named("chebyshev").between(X, Y)).isEqualTo(4.0);
    }

    @Test
    void badNamesAndExponentsAreNamed() {
        assertThatThrownBy(() -> GroundCost.named("cosine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chebyshev").hasMessageContaining("'cosine'");
        assertThatThrownBy(() -> GroundCost.named("minkowski:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'minkowski:x'");
        assertThatThrownBy(() -> GroundCost.named("minkowski:0.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'minkowski:0.5'");
        assertThatThrownBy(() -> GroundCost.named(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be null");
    }

    @Test
    void metricCostsAreMarkedMetric() {
        assertThat(((MinkowskiCost) GroundCost.euclidean()).isMetric()).isTrue();
        assertThat(((MinkowskiCost) GroundCost.squaredEuclidean()).isMetric()).isFalse();
    }

    @Test
    void lazyAndDenseCostMatricesAgree() {
        DiscreteMeasure mu = DiscreteMeasure.uniform(new double[][] {X, Y});
        DiscreteMeasure nu = DiscreteMeasure.uniform(new double[][] {Y, X, {0, 0, 0}});
        CostMatrix lazy = CostMatrix.between(mu, nu, GroundCost.cityblock());
        CostMatrix dense = lazy.dense();
        assertThat(dense.rows()).isEqualTo(2);
        assertThat(dense.cols()).isEqualTo(3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(dense.get(i, j)).isEqualTo(lazy.get(i, j));
            }
        }
        assertThat(lazy.get(0, 2)).isEqualTo(6.0);
    }
}
