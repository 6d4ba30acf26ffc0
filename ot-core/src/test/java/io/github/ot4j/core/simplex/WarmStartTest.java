package io.github.ot4j.core.simplex;

import io.github.ot4j.core.Clouds;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Warm starts reach the same optimum as cold starts, from good, poor and arbitrary potentials. */
class WarmStartTest {

    private static final double TOL = 1e-9;

    private final ExactSolver solver = ExactSolvers.networkSimplex();

    @Test
    void perturbedBatchWarmStartedFromThePreviousPotentialsReachesTheColdOptimum() {
        SplittableRandom random = new SplittableRandom(21);
        for (GroundCost cost : RandomInstances.COSTS) {
            double[][] x = Clouds.gaussian(random, 64, 8, 0);
            double[][] y = Clouds.gaussian(random, 64, 8, 0.5);
            TransportResult before = solver.solve(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
            for (double[] p : x) {
                p[random.nextInt(8)] += 0.05 * Clouds.gauss(random);
            }
            TransportProblem after = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
            TransportResult cold = solver.solve(after);
            TransportResult warm = solver.solve(after, before.potentials());
            assertThat(warm.certificate().holds(TOL)).as("%s", warm.certificate()).isTrue();
            assertThat(warm.value()).isCloseTo(cold.value(), within(TOL * cold.value()));
        }
    }

    @Test
    void arbitraryPotentialsOnlyChangeTheWorkNotTheAnswer() {
        SplittableRandom random = new SplittableRandom(22);
        for (long seed = 0; seed < 30; seed++) {
            TransportProblem p = RandomInstances.of(900 + seed, 40);
            double[] u = new double[p.n()];
            double[] v = new double[p.m()];
            for (int i = 0; i < u.length; i++) {
                u[i] = 10 * Clouds.gauss(random);
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = 10 * Clouds.gauss(random);
            }
            TransportResult cold = solver.solve(p);
            TransportResult warm = solver.solve(p, new Potentials(u, v));
            assertThat(warm.certificate().holds(TOL)).as("seed %d %s", seed, warm.certificate()).isTrue();
            assertThat(warm.value()).isCloseTo(cold.value(), within(TOL * Math.max(1, cold.value())));
        }
    }

    @Test
    void optimalPotentialsNeedFewerPivotsThanAColdStart() {
        SplittableRandom random = new SplittableRandom(23);
        double[][] x = Clouds.gaussian(random, 300, 2, 0);
        double[][] y = Clouds.gaussian(random, 300, 2, 1);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.euclidean());
        Potentials optimal = solver.solve(p).potentials();
        ArcCosts costs = ArcCosts.of(p.cost());
        NetworkSimplex cold = new NetworkSimplex(p.a(), p.b(), costs, Long.MAX_VALUE, 0);
        cold.run(null, null, true);
        NetworkSimplex warm = new NetworkSimplex(p.a(), p.b(), costs, Long.MAX_VALUE, 0);
        warm.run(optimal.u(), optimal.v(), true);
        assertThat(warm.iterations()).isLessThan(cold.iterations() / 2);
    }

    @Test
    void theStartWithoutAGreedyForestReachesTheSameOptimum() {
        for (long seed = 0; seed < 20; seed++) {
            TransportProblem p = RandomInstances.of(1200 + seed, 50);
            NetworkSimplex star = new NetworkSimplex(p.a(), p.b(), ArcCosts.of(p.cost()), Long.MAX_VALUE, 0);
            star.run(null, null, false);
            double[] pi = star.potentials();
            double[] u = new double[p.n()];
            double[] v = new double[p.m()];
            for (int i = 0; i < u.length; i++) {
                u[i] = -pi[i];
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = pi[p.n() + j];
            }
            // the star start's optimal potentials, fed back as a warm start, give the cold optimum's value
            TransportResult cold = solver.solve(p);
            TransportResult warm = solver.solve(p, new Potentials(u, v));
            assertThat(warm.value()).isCloseTo(cold.value(), within(TOL * Math.max(1, cold.value())));
            assertThat(star.artificialFlow()).isLessThanOrEqualTo(TOL);
            int[] rows = new int[p.n() + p.m()];
            int[] cols = new int[p.n() + p.m()];
            double[] masses = new double[p.n() + p.m()];
            int k = star.plan(rows, cols, masses);
            double value = 0;
            for (int e = 0; e < k; e++) {
                value += masses[e] * p.cost().get(rows[e], cols[e]);
            }
            assertThat(value).isCloseTo(cold.value(), within(TOL * Math.max(1, cold.value())));
        }
    }

    @Test
    void potentialsOfAnotherShapeAreRejected() {
        TransportProblem p = RandomInstances.of(5, 10);
        Potentials wrong = new Potentials(new double[p.n() + 1], new double[p.m()]);
        assertThatThrownBy(() -> solver.solve(p, wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmStart");
    }

    @Test
    void theColdOptimumShiftedByAHugeConstantIsStillAnOptimalWarmStart() {
        SplittableRandom random = new SplittableRandom(23);
        for (double t : new double[] {1e12, -1e12}) {
            double[][] x = Clouds.gaussian(random, 60, 3, 0);
            double[][] y = Clouds.gaussian(random, 60, 3, 0.5);
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                    GroundCost.squaredEuclidean());
            TransportResult cold = solver.solve(p);
            double[] u = cold.potentials().u();
            double[] v = cold.potentials().v();
            // a poor basis start: reverse the roles of the potentials, then add the offset (u + t, v − t)
            for (int i = 0; i < u.length; i++) {
                u[i] = v[u.length - 1 - i] + t;
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = cold.potentials().u()[j] - t;
            }
            TransportResult warm = solver.solve(p, new Potentials(u, v));
            assertThat(warm.certificate().holds(TOL)).as("t %s %s", t, warm.certificate()).isTrue();
            assertThat(warm.value()).isCloseTo(cold.value(), within(TOL * cold.value()));
        }
    }

    @Test
    void potentialsTooLargeToShiftAreRejected() {
        SplittableRandom random = new SplittableRandom(24);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(Clouds.gaussian(random, 4, 2, 0)),
                DiscreteMeasure.uniform(Clouds.gaussian(random, 5, 2, 0)), GroundCost.euclidean());
        double[] u = new double[p.n()];
        double[] v = new double[p.m()];
        java.util.Arrays.fill(u, Double.MAX_VALUE);
        java.util.Arrays.fill(v, -Double.MAX_VALUE);
        assertThatThrownBy(() -> solver.solve(p, new Potentials(u, v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmStart");
    }

    /**
     * Start potentials offset by ±1e12 (not recentred) leave every node near −1e12, where reduced costs of the
     * data's size are lost to rounding; the polish after the first optimum re-anchors the potentials at the nodes'
     * median, so that the run still ends at the optimum (formerly its final pricing pass had to refuse the basis).
     */
    @Test
    void hugeStartPotentialsAreReanchoredAndTheRunEndsOptimal() {
        SplittableRandom random = new SplittableRandom(23);
        double[][] x = Clouds.gaussian(random, 60, 3, 0);
        double[][] y = Clouds.gaussian(random, 60, 3, 0.5);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y),
                GroundCost.squaredEuclidean());
        TransportResult cold = solver.solve(p);
        double[] u = new double[p.n()];
        double[] v = new double[p.m()];
        for (int i = 0; i < u.length; i++) {
            u[i] = cold.potentials().v()[u.length - 1 - i] + 1e12;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = cold.potentials().u()[j] - 1e12;
        }
        NetworkSimplex simplex = new NetworkSimplex(p.a(), p.b(), ArcCosts.of(p.cost()), 1_000_000, 0);
        simplex.run(u, v, true);
        int[] rows = new int[p.n() + p.m()];
        int[] cols = new int[p.n() + p.m()];
        double[] masses = new double[p.n() + p.m()];
        int k = simplex.plan(rows, cols, masses);
        double value = 0;
        for (int e = 0; e < k; e++) {
            value += p.cost().get(rows[e], cols[e]) * masses[e];
        }
        assertThat(value).isCloseTo(cold.value(), within(TOL * cold.value()));
    }
}
