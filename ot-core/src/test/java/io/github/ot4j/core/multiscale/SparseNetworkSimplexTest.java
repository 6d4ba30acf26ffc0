package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse network simplex (on the shared spanning tree) against the dense one: cold and warm-started first
 * runs, and runs continued after more arcs arrive, reach the dense optimum, with potentials that are dual
 * feasible on every arc held and tight on the plan.
 */
class SparseNetworkSimplexTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void coldAndWarmStartsReachTheDenseOptimumOnAllPairs() {
        TransportProblem p = clouds(60, 45, 1);
        TransportResult dense = new NetworkSimplexSolver().solve(p);
        double[] u = dense.potentials().u().clone();
        double[] v = dense.potentials().v().clone();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < u.length; i++) {
            u[i] += 0.05 * random.nextDouble();
        }
        for (double[][] start : new double[][][] {{null, null}, {u, v}, {dense.potentials().u(),
                dense.potentials().v()}}) {
            SparseNetworkSimplex s = simplex(p);
            addAll(s, p, 0, p.n());
            s.run(maxCost(p), start[0], start[1]);
            assertEquals(dense.value(), value(s, p), TOLERANCE * dense.value());
            assertDualFeasibleAndTight(s, p, 0, p.n());
        }
    }

    /** Rows arrive in two batches; the second run continues from the first basis. */
    @Test
    void addingArcsAndRunningAgainContinuesToTheOptimum() {
        TransportProblem p = clouds(50, 50, 3);
        SparseNetworkSimplex s = simplex(p);
        // a feasible first set (uniform weights, n = m): row i to columns i, i + 1, i + 2 (mod m)
        int n = p.n();
        int m = p.m();
        int[] is = new int[3 * n];
        int[] js = new int[3 * n];
        double[] cs = new double[3 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                is[k] = i;
                js[k] = (i + t) % m;
                cs[k++] = p.cost().get(i, js[k - 1]);
            }
        }
        s.addArcs(is, js, cs, k);
        s.run(maxCost(p), null, null);
        double partial = value(s, p);
        assertEquals(0.0, s.artificialFlow(), 1e-15);
        addAll(s, p, 0, n);
        s.run(maxCost(p), null, null);
        double full = new NetworkSimplexSolver().solve(p).value();
        assertEquals(full, value(s, p), TOLERANCE * full);
        assertTrue(partial >= full - TOLERANCE * full, "fewer arcs cannot cost less: " + partial + " < " + full);
        assertDualFeasibleAndTight(s, p, 0, n);
        assertEquals(0.0, s.artificialFlow(), 1e-15);
    }

    private static SparseNetworkSimplex simplex(TransportProblem p) {
        return new SparseNetworkSimplex(p.a(), p.b(), 1_000_000);
    }

    private static void addAll(SparseNetworkSimplex s, TransportProblem p, int i0, int i1) {
        int m = p.m();
        int count = (i1 - i0) * m;
        int[] is = new int[count];
        int[] js = new int[count];
        double[] cs = new double[count];
        int k = 0;
        for (int i = i0; i < i1; i++) {
            for (int j = 0; j < m; j++) {
                is[k] = i;
                js[k] = j;
                cs[k++] = p.cost().get(i, j);
            }
        }
        s.addArcs(is, js, cs, count);
    }

    private static double value(SparseNetworkSimplex s, TransportProblem p) {
        int[] rows = new int[p.n() + p.m()];
        int[] cols = new int[p.n() + p.m()];
        double[] masses = new double[p.n() + p.m()];
        int k = s.plan(rows, cols, masses);
        double total = 0;
        for (int t = 0; t < k; t++) {
            total += masses[t] * p.cost().get(rows[t], cols[t]);
        }
        return total;
    }

    /** C + π_i − π_j ≥ −tol on every pair of rows [i0, i1), and = 0 (to tol) on the plan. */
    private static void assertDualFeasibleAndTight(SparseNetworkSimplex s, TransportProblem p, int i0, int i1) {
        double[] pi = s.potentials();
        int n = p.n();
        CostMatrix c = p.cost();
        double scale = maxCost(p);
        for (int i = i0; i < i1; i++) {
            for (int j = 0; j < p.m(); j++) {
                double r = c.get(i, j) + pi[i] - pi[n + j];
                assertTrue(r > -1e-12 * scale, "reduced cost " + r + " at (" + i + ", " + j + ")");
            }
        }
        int[] rows = new int[n + p.m()];
        int[] cols = new int[n + p.m()];
        double[] masses = new double[n + p.m()];
        int k = s.plan(rows, cols, masses);
        for (int t = 0; t < k; t++) {
            double r = c.get(rows[t], cols[t]) + pi[rows[t]] - pi[n + cols[t]];
            assertEquals(0.0, r, 1e-12 * scale, "plan arc (" + rows[t] + ", " + cols[t] + ")");
        }
    }

    private static double maxCost(TransportProblem p) {
        double worst = 0;
        for (int i = 0; i < p.n(); i++) {
            for (int j = 0; j < p.m(); j++) {
                worst = Math.max(worst, Math.abs(p.cost().get(i, j)));
            }
        }
        return worst;
    }

    private static TransportProblem clouds(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[m][2];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble();
        }
        for (double[] row : y) {
            row[0] = 0.5 + random.nextDouble();
            row[1] = random.nextDouble();
        }
        return TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), GroundCost.euclidean());
    }
}
