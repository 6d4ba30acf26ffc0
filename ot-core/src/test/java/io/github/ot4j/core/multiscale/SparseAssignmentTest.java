package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assignment path of the shortlist solver: {@link SparseAssignment} against brute force, the whole path in
 * 5-D against the dense network simplex and POT ({@code gauss5d_n1200.txt}), thread counts, the test that picks
 * the path, and the box bounds that let the passes skip blocks.
 */
class SparseAssignmentTest {

    /** Random sparse instances with a planted perfect matching, against every permutation. */
    @Test
    void findsTheCheapestPermutationOnTheArcsHeld() {
        SplittableRandom random = new SplittableRandom(21);
        int n = 7;
        for (int trial = 0; trial < 40; trial++) {
            double[][] c = new double[n][n];
            boolean[][] held = new boolean[n][n];
            SparseAssignment s = new SparseAssignment(n, new double[n]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] = random.nextInt(5) + (trial % 2 == 0 ? random.nextDouble() : 0);
                    held[i][j] = i == j || random.nextDouble() < 0.5;
                    if (held[i][j]) {
                        s.addArcs(new int[] {i}, new int[] {j}, new double[] {c[i][j]}, 1);
                    }
                }
            }
            s.start();
            s.augment();
            int[] sigma = s.matching();
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(held[i][sigma[i]]);
                total += c[i][sigma[i]];
                for (int j = 0; j < n; j++) {
                    if (held[i][j]) {
                        assertTrue(c[i][j] - s.u()[i] - s.v()[j] >= -1e-12, "dual feasible on the arcs held");
                    }
                }
                assertEquals(c[i][sigma[i]], s.u()[i] + s.v()[sigma[i]], 1e-12, "complementary slackness");
            }
            assertEquals(n, Arrays.stream(sigma).distinct().count());
            assertEquals(best(c, held, new int[n], new boolean[n], 0), total, 1e-12, "trial " + trial);
        }
    }

    private static double best(double[][] c, boolean[][] held, int[] sigma, boolean[] used, int row) {
        int n = c.length;
        if (row == n) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j] && held[row][j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + best(c, held, sigma, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void matchesTheNetworkSimplexAndPotInFiveDimensions() throws IOException {
        ShortlistSolverTest.Reference ref = ShortlistSolverTest.reference("gauss5d_n1200.txt");
        for (boolean squared : new boolean[] {false, true}) {
            GroundCost cost = squared ? GroundCost.squaredEuclidean() : GroundCost.euclidean();
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(ref.x()), DiscreteMeasure.uniform(ref.y()),
                    cost);
            Set<ShortlistSolver.Phase> phases = new HashSet<>();
            TransportResult r = new ShortlistSolver(ShortlistSolver.Options.DEFAULT.withBaseSize(150)
                    .withListener(q -> phases.add(q.phase()))).solve(p);
            assertEquals(new NetworkSimplexSolver().solve(p).value(), r.value(), 1e-12 * r.value(), cost.toString());
            assertEquals(squared ? ref.squared() : ref.euclidean(), r.value(), 1e-9 * r.value(), "POT, " + cost);
            assertTrue(r.certificate().holds(), r.certificate().toString());
            assertTrue(phases.contains(ShortlistSolver.Phase.ASSIGNMENT), phases.toString());
            assertFalse(phases.contains(ShortlistSolver.Phase.SIMPLEX), phases.toString());
            for (int k = 0; k < r.plan().size(); k++) {
                assertEquals(1.0 / p.n(), r.plan().entry(k).mass(), 0.0);
            }
            assertEquals(p.n(), r.plan().size());
        }
    }

    @Test
    void oneAndTwoThreadsAgreeBitForBitInTwoDimensions() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 1500;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
            y[i] = new double[] {1 + random.nextGaussian(), 1 + random.nextGaussian()};
        }
        for (GroundCost cost : List.of(GroundCost.euclidean(), GroundCost.squaredEuclidean())) {
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
            ShortlistSolverTest.assertSameOnOneAndTwoThreads(p, ShortlistSolver.Options.DEFAULT.withBaseSize(200));
        }
    }

    @Test
    void onlyExactlyEqualWeightsWithNEqualMAreAnAssignment() {
        double[][] x = {{0}, {1}, {2}};
        double[][] y = {{0.5}, {1.5}, {2.5}};
        GroundCost c = GroundCost.euclidean();
        assertTrue(ShortlistSolver.isAssignment(TransportProblem.of(DiscreteMeasure.uniform(x),
                DiscreteMeasure.uniform(y), c)));
        double third = 1.0 / 3;
        double[] nearly = {third, Math.nextUp(third), 1 - third - Math.nextUp(third)};
        assertFalse(ShortlistSolver.isAssignment(TransportProblem.of(DiscreteMeasure.of(x, nearly),
                DiscreteMeasure.uniform(y), c)));
        assertFalse(ShortlistSolver.isAssignment(TransportProblem.of(DiscreteMeasure.uniform(x),
                DiscreteMeasure.uniform(new double[][] {{0}, {1}}), c)));
    }

    /** Every cost between two blocks lies within the bounds, for several Minkowski costs and dimensions. */
    @Test
    void blockBoundsHoldForEveryPair() {
        SplittableRandom random = new SplittableRandom(8);
        for (MinkowskiCost c : List.of(new MinkowskiCost(2, 1), new MinkowskiCost(2, 2), new MinkowskiCost(1, 1),
                new MinkowskiCost(3, 1.5), new MinkowskiCost(Double.POSITIVE_INFINITY, 1))) {
            for (int d : new int[] {1, 2, 5}) {
                double[][] x = new double[200][d];
                double[][] y = new double[150][d];
                for (double[][] p : new double[][][] {x, y}) {
                    for (double[] row : p) {
                        for (int k = 0; k < d; k++) {
                            row[k] = 3 * random.nextGaussian();
                        }
                    }
                }
                DiscreteMeasure mu = DiscreteMeasure.uniform(x);
                DiscreteMeasure nu = DiscreteMeasure.uniform(y);
                int[] order = SpatialOrder.order(mu);
                assertEquals(x.length, Arrays.stream(order).distinct().count(), "a permutation");
                BlockBounds a = BlockBounds.of(mu, 16);
                BlockBounds b = BlockBounds.of(nu, 64);
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < y.length; j++) {
                        double cost = c.between(x[i], y[j]);
                        assertTrue(BlockBounds.bound(c, a, i / 16, b, j / 64, false) <= cost, c + " lower");
                        assertTrue(BlockBounds.bound(c, a, i / 16, b, j / 64, true) >= cost, c + " upper");
                    }
                }
            }
        }
    }
}
