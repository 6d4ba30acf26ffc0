package io.github.ot4j.core.simplex;

import io.github.ot4j.core.Clouds;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.PlanEntry;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Inputs that make every pivot degenerate or every cost tie: the network simplex must neither cycle nor stall
 * (a cap of 100·(n + m)² pivots would turn either into a failure) and must stay certified.
 */
class DegenerateInputsTest {

    private static final double TOL = 1e-9;

    private static ExactSolver capped(int n, int m) {
        long cap = 100L * (n + m) * (n + m);
        return new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT.withMaxIterations(cap));
    }

    private static TransportResult certified(TransportResult r) {
        assertThat(r.certificate().holds(TOL)).as("%s", r.certificate()).isTrue();
        return r;
    }

    @Test
    void allPointsAtOnePlaceCostNothing() {
        double[][] x = new double[60][];
        double[][] y = new double[45][];
        Arrays.setAll(x, i -> new double[] {2, -1});
        Arrays.setAll(y, j -> new double[] {2, -1});
        TransportResult r = certified(capped(60, 45).solve(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.euclidean()));
        assertThat(r.value()).isZero();
    }

    @Test
    void constantCostMatrixCostsItsValueTimesTheMass() {
        double[][] c = new double[40][30];
        for (double[] row : c) {
            Arrays.fill(row, 3.0);
        }
        SplittableRandom random = new SplittableRandom(3);
        double[] a = Clouds.weights(random, 40, true);
        double[] b = Clouds.weights(random, 30, true);
        TransportResult r = certified(capped(40, 30).solve(TransportProblem.of(a, b, CostMatrix.of(c))));
        assertThat(r.value()).isCloseTo(3.0, within(TOL));
    }

    @Test
    void aSinglePointOnEitherSideReceivesOrSendsEverything() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] many = Clouds.gaussian(random, 150, 3, 0);
        double[] w = Clouds.weights(random, 150, true);
        DiscreteMeasure crowd = DiscreteMeasure.of(many, w);
        DiscreteMeasure single = DiscreteMeasure.uniform(new double[][] {{0.5, 0.5, 0.5}});
        double expected = 0;
        for (int i = 0; i < many.length; i++) {
            expected += w[i] * GroundCost.euclidean().between(many[i], new double[] {0.5, 0.5, 0.5});
        }
        assertThat(certified(capped(150, 1).solve(crowd, single, GroundCost.euclidean())).value())
                .isCloseTo(expected, within(TOL * expected));
        assertThat(certified(capped(1, 150).solve(single, crowd, GroundCost.euclidean())).value())
                .isCloseTo(expected, within(TOL * expected));
    }

    @Test
    void integerGridShiftedByOneStepCostsOneUnderL1() {
        // every cost is an integer and most tie; W1 >= |E[y] - E[x]|_1 = 1 and the shift achieves it
        int side = 14;
        double[][] x = new double[side * side][];
        double[][] y = new double[side * side][];
        for (int k = 0; k < side * side; k++) {
            x[k] = new double[] {k / side, k % side};
            y[k] = new double[] {k / side + 1, k % side};
        }
        TransportResult r = certified(capped(x.length, y.length).solve(DiscreteMeasure.uniform(x),
                DiscreteMeasure.uniform(y), GroundCost.cityblock()));
        assertThat(r.value()).isCloseTo(1.0, within(TOL));
    }

    @Test
    void aPermutedCopyIsMatchedToItselfAtZeroCost() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = Clouds.gaussian(random, 120, 2, 0);
        int[] perm = new int[x.length];
        Arrays.setAll(perm, i -> i);
        for (int i = perm.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[perm[i]] = x[i].clone();
        }
        TransportResult r = certified(capped(120, 120).solve(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.squaredEuclidean()));
        assertThat(r.value()).isZero();
        for (PlanEntry e : r.plan().entries()) {
            assertThat(perm[e.i()]).isEqualTo(e.j());
        }
    }

    @Test
    void mostlyZeroWeightsAreHandled() {
        SplittableRandom random = new SplittableRandom(6);
        double[] a = new double[80];
        double[] b = new double[90];
        a[7] = 0.5;
        a[41] = 0.5;
        b[3] = 0.25;
        b[88] = 0.75;
        TransportProblem p = TransportProblem.of(DiscreteMeasure.of(Clouds.gaussian(random, 80, 2, 0), a),
                DiscreteMeasure.of(Clouds.gaussian(random, 90, 2, 1), b), GroundCost.euclidean());
        TransportResult r = certified(capped(80, 90).solve(p));
        assertThat(r.plan().size()).isBetween(2, 3);
    }

    @Test
    void largeCoordinatesAndTinyWeightsStayCertified() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = Clouds.gaussian(random, 90, 2, 0);
        double[][] y = Clouds.gaussian(random, 70, 2, 3);
        for (double[][] pts : new double[][][] {x, y}) {
            for (double[] p : pts) {
                p[0] *= 1e6;
                p[1] *= 1e6;
            }
        }
        double[] a = Clouds.weights(random, 90, true);
        double[] b = Clouds.weights(random, 70, true);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 1e-6;
        }
        for (int j = 0; j < b.length; j++) {
            b[j] *= 1e-6;
        }
        certified(capped(90, 70).solve(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), GroundCost.euclidean()));
    }

    @Test
    void theIterationCapIsReportedWithItsStatus() {
        SplittableRandom random = new SplittableRandom(8);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(Clouds.gaussian(random, 60, 2, 0)),
                DiscreteMeasure.uniform(Clouds.gaussian(random, 60, 2, 1)), GroundCost.euclidean());
        ExactSolver solver = new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT.withMaxIterations(1));
        assertThatThrownBy(() -> solver.solve(p))
                .isInstanceOfSatisfying(TransportSolverException.class,
                        e -> assertThat(e.status()).isEqualTo(SolverStatus.ITERATION_LIMIT))
                .hasMessageContaining("maxIterations");
    }

    @Test
    void badOptionsAreRejectedByName() {
        assertThatThrownBy(() -> NetworkSimplexSolver.Options.DEFAULT.withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> NetworkSimplexSolver.Options.DEFAULT.withBlockSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize");
        assertThatThrownBy(() -> NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(-1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheLimit");
        assertThatThrownBy(() -> NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priceCacheLimit");
    }
}
