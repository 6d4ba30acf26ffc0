package io.github.ot4j.core.oned;

import io.github.ot4j.core.Clouds;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The 1-D closed form: certified, equal to the network simplex and to the quantile formula, and dispatched to. */
class OneDimensionalSolverTest {

    private static final double TOL = 1e-9;

    private static final List<GroundCost> COSTS = List.of(GroundCost.euclidean(), GroundCost.cityblock(),
            GroundCost.squaredEuclidean(), GroundCost.minkowski(3), new MinkowskiCost(2, 3), new MinkowskiCost(1, 1.5));

    private final ExactSolver line = new OneDimensionalSolver();
    private final ExactSolver simplex = ExactSolvers.networkSimplex();

    @Test
    void agreesWithTheNetworkSimplexOnRandomLinesWithTiesZerosAndDuplicates() {
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(60);
            int m = 1 + random.nextInt(60);
            double[][] x = line(random, n);
            double[][] y = line(random, m);
            GroundCost cost = COSTS.get(random.nextInt(COSTS.size()));
            TransportProblem p = TransportProblem.of(DiscreteMeasure.of(x, Clouds.weights(random, n, trial % 2 == 0)),
                    DiscreteMeasure.of(y, Clouds.weights(random, m, trial % 3 == 0)), cost);
            assertThat(OneDimensionalSolver.appliesTo(p)).isTrue();
            TransportResult r = line.solve(p);
            TransportResult s = simplex.solve(p);
            assertThat(r.certificate().holds(TOL)).as("trial %d %s", trial, r.certificate()).isTrue();
            assertThat(r.value()).as("trial %d", trial).isCloseTo(s.value(), within(TOL * Math.max(1, s.value())));
            assertThat(r.plan().size()).isLessThanOrEqualTo(n + m - 1);
        }
    }

    @Test
    void matchesTheQuantileFormula() {
        SplittableRandom random = new SplittableRandom(32);
        for (double p : new double[] {1, 2}) {
            double[][] x = Clouds.gaussian(random, 200, 1, 0);
            double[][] y = Clouds.gaussian(random, 150, 1, 1);
            double[] a = Clouds.weights(random, 200, true);
            double[] b = Clouds.weights(random, 150, false);
            double exact = Clouds.quantileCost(Clouds.column(x), a, Clouds.column(y), b, p);
            GroundCost cost = p == 1 ? GroundCost.euclidean() : GroundCost.squaredEuclidean();
            TransportResult r = line.solve(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), cost);
            assertThat(r.value()).isCloseTo(exact, within(TOL * exact));
        }
    }

    @Test
    void aHundredThousandPointsAreSortedNotSimplexed() {
        SplittableRandom random = new SplittableRandom(33);
        double[][] x = Clouds.gaussian(random, 100_000, 1, 0);
        double[][] y = Clouds.gaussian(random, 100_000, 1, 2);
        TransportResult r = ExactSolvers.defaultSolver().solve(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.euclidean());
        TransportPlan plan = r.plan();
        assertThat(plan.size()).isLessThanOrEqualTo(199_999);
        double[] rows = plan.rowSums();
        for (double s : rows) {
            assertThat(s).isCloseTo(1e-5, within(1e-15));
        }
        // complementary slackness on the plan: u_i + v_j = C_ij wherever mass moves
        for (int k = 0; k < plan.size(); k++) {
            var e = plan.entry(k);
            assertThat(r.potentials().u(e.i()) + r.potentials().v(e.j()))
                    .isCloseTo(r.problem().cost().get(e.i(), e.j()), within(1e-9));
        }
        double exact = Clouds.quantileCost(Clouds.column(x), DiscreteMeasure.uniform(x).weights(), Clouds.column(y),
                DiscreteMeasure.uniform(y).weights(), 1);
        assertThat(r.value()).isCloseTo(exact, within(TOL * exact));
    }

    @Test
    void appliesOnlyToPointsOnALineWithAConvexPowerCost() {
        SplittableRandom random = new SplittableRandom(34);
        DiscreteMeasure a1 = DiscreteMeasure.uniform(Clouds.gaussian(random, 5, 1, 0));
        DiscreteMeasure b1 = DiscreteMeasure.uniform(Clouds.gaussian(random, 6, 1, 0));
        DiscreteMeasure a2 = DiscreteMeasure.uniform(Clouds.gaussian(random, 5, 2, 0));
        DiscreteMeasure b2 = DiscreteMeasure.uniform(Clouds.gaussian(random, 6, 2, 0));
        assertThat(OneDimensionalSolver.appliesTo(TransportProblem.of(a1, b1, GroundCost.euclidean()))).isTrue();
        assertThat(OneDimensionalSolver.appliesTo(TransportProblem.of(a2, b2, GroundCost.euclidean()))).isFalse();
        TransportProblem concave = TransportProblem.of(a1, b1, new MinkowskiCost(2, 0.5));
        assertThat(OneDimensionalSolver.appliesTo(concave)).isFalse();
        TransportProblem lambda = TransportProblem.of(a1, b1, (x, y) -> Math.abs(x[0] - y[0]));
        assertThat(OneDimensionalSolver.appliesTo(lambda)).isFalse();
        TransportProblem dense = TransportProblem.of(a1.weights(), b1.weights(),
                CostMatrix.between(a1, b1, GroundCost.euclidean()).dense());
        assertThat(OneDimensionalSolver.appliesTo(dense)).isFalse();
        assertThatThrownBy(() -> line.solve(concave)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem");
        // the default solver still solves what the closed form rejects, by the network simplex
        TransportResult r = ExactSolvers.defaultSolver().solve(concave);
        assertThat(r.certificate().holds(TOL)).isTrue();
    }

    @Test
    void orderIsAStableSort() {
        double[] keys = {3, 1, 2, 1, 3, 0};
        assertThat(OneDimensionalSolver.order(keys)).containsExactly(5, 1, 3, 2, 0, 4);
        assertThat(OneDimensionalSolver.order(new double[] {7})).containsExactly(0);
    }

    private static double[][] line(SplittableRandom random, int n) {
        double[][] x = new double[n][1];
        boolean grid = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            double g = Clouds.gauss(random);
            x[i][0] = grid ? Math.round(2 * g) : g;
            if (i > 0 && random.nextInt(4) == 0) {
                x[i][0] = x[random.nextInt(i)][0];
            }
        }
        return x;
    }
}
