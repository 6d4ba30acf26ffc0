package io.github.ot4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is rejected with an IllegalArgumentException naming the argument and the value. */
class InputValidationTest {

    private static final double[][] TWO_POINTS = {{0, 0}, {1, 1}};

    @Test
    void nanCoordinateIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.uniform(new double[][] {{0, 0}, {1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[1][1]")
                .hasMessageContaining("NaN");
    }

    @Test
    void infiniteCoordinateIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.uniform(new double[][] {{Double.NEGATIVE_INFINITY, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[0][0]")
                .hasMessageContaining("-Infinity");
    }

    @Test
    void nanWeightIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.of(TWO_POINTS, new double[] {0.5, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1]")
                .hasMessageContaining("NaN");
    }

    @Test
    void infiniteWeightIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.of(TWO_POINTS, new double[] {Double.POSITIVE_INFINITY, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[0]")
                .hasMessageContaining("Infinity");
    }

    @Test
    void negativeWeightIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.of(TWO_POINTS, new double[] {1.5, -0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1]")
                .hasMessageContaining("-0.5");
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.of(TWO_POINTS, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights")
                .hasMessageContaining("sums to 0");
    }

    @Test
    void weightsWhoseTotalsDifferAreRejected() {
        DiscreteMeasure mu = DiscreteMeasure.of(TWO_POINTS, new double[] {0.5, 0.5});
        DiscreteMeasure nu = DiscreteMeasure.of(TWO_POINTS, new double[] {0.5, 0.5 + 1e-6});
        assertThatThrownBy(() -> TransportProblem.of(mu, nu, GroundCost.euclidean()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same total mass")
                .hasMessageContaining("1.000001").hasMessageContaining(String.valueOf(TransportProblem.MASS_TOLERANCE));
    }

    @Test
    void totalsWithinTheToleranceAreAccepted() {
        DiscreteMeasure mu = DiscreteMeasure.of(TWO_POINTS, new double[] {0.5, 0.5});
        DiscreteMeasure nu = DiscreteMeasure.of(TWO_POINTS, new double[] {0.5, 0.5 + 1e-12});
        TransportProblem.of(mu, nu, GroundCost.euclidean());
    }

    @Test
    void emptyPointSetIsRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.uniform(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points must not be empty");
    }

    @Test
    void emptyWeightsAreRejected() {
        assertThatThrownBy(() -> TransportProblem.of(new double[0], new double[] {1}, CostMatrix.of(new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a must not be empty");
    }

    @Test
    void zeroDimensionalPointsAreRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.uniform(new double[][] {{}, {}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
    }

    @Test
    void raggedPointsAreRejected() {
        assertThatThrownBy(() -> DiscreteMeasure.uniform(new double[][] {{0, 0}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points[1] has length 1");
    }

    @Test
    void weightCountMustMatchPointCount() {
        assertThatThrownBy(() -> DiscreteMeasure.of(TWO_POINTS, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights has length 1")
                .hasMessageContaining("2 rows");
    }

    @Test
    void dimensionMismatchIsRejected() {
        DiscreteMeasure mu = DiscreteMeasure.uniform(TWO_POINTS);
        DiscreteMeasure nu = DiscreteMeasure.uniform(new double[][] {{0, 0, 0}});
        assertThatThrownBy(() -> TransportProblem.of(mu, nu, GroundCost.euclidean()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mu has dimension 2")
                .hasMessageContaining("nu has dimension 3");
    }

    @Test
    void costMatrixShapeMismatchIsRejected() {
        CostMatrix c = CostMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThatThrownBy(() -> TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost is 2 x 3")
                .hasMessageContaining("b has length 2");
    }

    @Test
    void nanCostIsRejected() {
        assertThatThrownBy(() -> CostMatrix.of(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost[0][1]")
                .hasMessageContaining("NaN");
    }

    @Test
    void infiniteCostIsRejected() {
        assertThatThrownBy(() -> CostMatrix.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost[1][0]")
                .hasMessageContaining("Infinity");
    }

    @Test
    void nonFiniteValueOfAUserCostIsRejected() {
        GroundCost broken = (x, y) -> x[0] == y[0] ? Double.NaN : 1;
        CostMatrix c = CostMatrix.between(DiscreteMeasure.uniform(TWO_POINTS), DiscreteMeasure.uniform(TWO_POINTS),
                broken);
        assertThatThrownBy(() -> c.get(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x[1] and y[1]").hasMessageContaining("NaN");
    }

    @Test
    void invalidMinkowskiExponentIsRejected() {
        assertThatThrownBy(() -> GroundCost.minkowski(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p must be >= 1").hasMessageContaining("0.5");
        assertThatThrownBy(() -> new MinkowskiCost(2, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power").hasMessageContaining("NaN");
    }

    @Test
    void unknownCostNameIsRejected() {
        assertThatThrownBy(() -> GroundCost.named("hamming")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hamming'");
    }

    @Test
    void nonFinitePotentialsAreRejected() {
        assertThatThrownBy(() -> new Potentials(new double[] {0, Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u[1]").hasMessageContaining("NaN");
    }

    @Test
    void warmStartOfTheWrongShapeIsRejected() {
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(TWO_POINTS), DiscreteMeasure.uniform(TWO_POINTS),
                GroundCost.euclidean());
        Potentials wrong = new Potentials(new double[3], new double[2]);
        assertThatThrownBy(() -> ExactSolvers.defaultSolver().solve(p, wrong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths 3 and 2");
    }

    @Test
    void weightsWhoseSumOverflowsSaySo() {
        double[] huge = {1e308, 1e308};
        assertThatThrownBy(() -> TransportProblem.of(huge, new double[] {1, 1},
                CostMatrix.of(new double[][] {{0, 1}, {1, 0}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a overflows")
                .hasMessageNotContaining("NaN");
    }
}
