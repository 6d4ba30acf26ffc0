package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shortlist solver against the plain network simplex (1e-12 relative) and against POT (the file made by
 * {@code reference/multiscale/make_multiscale_reference.py}), with several levels (a small base size).
 */
class ShortlistSolverTest {

    private static final ShortlistSolver.Options SMALL_BASE = ShortlistSolver.Options.DEFAULT.withBaseSize(200);

    /** x and y of a POT reference file, and POT's values for the Euclidean and squared Euclidean costs. */
    record Reference(double[][] x, double[][] y, double euclidean, double squared) {
    }

    private static Reference reference() throws IOException {
        return reference("gauss2d_n2000.txt");
    }

    /** A file made by {@code reference/multiscale/make_multiscale_reference.py}. */
    static Reference reference(String name) throws IOException {
        try (InputStream in = ShortlistSolverTest.class.getResourceAsStream("/reference/multiscale/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] head = r.readLine().trim().split(" ");
            int n = Integer.parseInt(head[0]);
            int d = Integer.parseInt(head[1]);
            double[][] x = new double[n][d];
            double[][] y = new double[n][d];
            for (double[][] p : new double[][][] {x, y}) {
                for (double[] row : p) {
                    String[] t = r.readLine().trim().split(" ");
                    for (int k = 0; k < d; k++) {
                        row[k] = Double.parseDouble(t[k]);
                    }
                }
            }
            return new Reference(x, y, Double.parseDouble(head[2]), Double.parseDouble(head[3]));
        }
    }

    /** Uniform weights and n = m: the assignment path, on three levels. */
    @Tag("slow")
    @Test
    void matchesTheNetworkSimplexAndPotOnTwoThousandPoints() throws IOException {
        Reference ref = reference();
        for (boolean squared : new boolean[] {false, true}) {
            GroundCost cost = squared ? GroundCost.squaredEuclidean() : GroundCost.euclidean();
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(ref.x()), DiscreteMeasure.uniform(ref.y()),
                    cost);
            Set<ShortlistSolver.Phase> phases = EnumSet.noneOf(ShortlistSolver.Phase.class);
            List<Integer> levels = new ArrayList<>();
            TransportResult r = new ShortlistSolver(SMALL_BASE.withListener(q -> {
                phases.add(q.phase());
                levels.add(q.level());
            })).solve(p);
            TransportResult plain = new NetworkSimplexSolver().solve(p);
            assertEquals(plain.value(), r.value(), 1e-12 * plain.value(), cost.toString());
            assertEquals(squared ? ref.squared() : ref.euclidean(), r.value(), 1e-9 * r.value(), "POT, " + cost);
            assertTrue(r.certificate().holds(), r.certificate().toString());
            assertEquals(p.n(), r.plan().size(), "a permutation");
            assertEquals(EnumSet.complementOf(EnumSet.of(ShortlistSolver.Phase.SIMPLEX)), phases);
            assertTrue(levels.contains(2), "2000 → 250 → 32 (base): levels " + levels.stream().distinct().toList());
        }
    }

    /** Unequal weights on the same points: the sparse network simplex path. */
    @Test
    void unequalWeightsTakeTheSparseSimplex() throws IOException {
        Reference ref = reference();
        int n = 900;
        double[][] x = Arrays.copyOf(ref.x(), n);
        double[][] y = Arrays.copyOf(ref.y(), n);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (1 + i % 3) / (2.0 * n);
        }
        double sum = 0;
        for (double t : a) {
            sum += t;
        }
        double[] b = new double[n];
        Arrays.fill(b, sum / n);
        for (GroundCost cost : List.of(GroundCost.euclidean(), GroundCost.squaredEuclidean())) {
            TransportProblem p = TransportProblem.of(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), cost);
            Set<ShortlistSolver.Phase> phases = EnumSet.noneOf(ShortlistSolver.Phase.class);
            TransportResult r = new ShortlistSolver(SMALL_BASE.withListener(q -> phases.add(q.phase()))).solve(p);
            assertEquals(new NetworkSimplexSolver().solve(p).value(), r.value(), 1e-12 * r.value(), cost.toString());
            assertTrue(r.certificate().holds(), r.certificate().toString());
            assertTrue(phases.contains(ShortlistSolver.Phase.SIMPLEX), phases.toString());
            assertTrue(!phases.contains(ShortlistSolver.Phase.ASSIGNMENT), phases.toString());
        }
    }

    /** Both paths: n = m uniform (assignment) and n ≠ m (sparse simplex). */
    @Test
    void oneAndTwoThreadsGiveTheSameAnswer() {
        for (TransportProblem p : List.of(clouds(700, 3, GroundCost.cityblock(), 5, 700),
                clouds(700, 2, GroundCost.euclidean(), 6, 650))) {
            assertSameOnOneAndTwoThreads(p, SMALL_BASE);
        }
    }

    /** Solves on 1 and 2 threads: bit-identical answers, certified, equal to the dense network simplex's. */
    static void assertSameOnOneAndTwoThreads(TransportProblem p, ShortlistSolver.Options options) {
        TransportResult one = new ShortlistSolver(options.withThreads(1)).solve(p);
        TransportResult two = new ShortlistSolver(options.withThreads(2)).solve(p);
        assertEquals(one.value(), two.value(), 0.0);
        assertArrayEquals(one.potentials().u(), two.potentials().u(), 0.0);
        assertArrayEquals(one.potentials().v(), two.potentials().v(), 0.0);
        assertEquals(one.plan().entries(), two.plan().entries());
        assertTrue(two.certificate().holds(), two.certificate().toString());
        assertEquals(new NetworkSimplexSolver().solve(p).value(), one.value(), 1e-12 * one.value());
    }

    /** A dense matrix (no points) with weights of all kinds, zeros included, takes the generic path. */
    @Test
    void solvesADenseMatrixWithUnequalWeights() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 400;
        int m = 350;
        double[][] c = new double[n][m];
        for (double[] row : c) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble();
            }
        }
        double[] a = new double[n];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) {
            a[i] = i % 7 == 0 ? 0 : random.nextDouble();
        }
        double sa = 0;
        for (double t : a) {
            sa += t;
        }
        double sb = 0;
        for (int j = 0; j < m; j++) {
            b[j] = random.nextDouble();
            sb += b[j];
        }
        for (int j = 0; j < m; j++) {
            b[j] *= sa / sb;
        }
        TransportProblem p = TransportProblem.of(a, b, CostMatrix.of(c));
        TransportResult r = new ShortlistSolver(ShortlistSolver.Options.DEFAULT.withBaseSize(100)).solve(p);
        assertTrue(r.certificate().holds(), r.certificate().toString());
        assertEquals(new NetworkSimplexSolver().solve(p).value(), r.value(), 1e-12 * r.value());
    }

    @Test
    void anInterruptedThreadCancelsTheSolve() {
        TransportProblem p = clouds(800, 2, GroundCost.euclidean(), 9);
        ShortlistSolver solver = new ShortlistSolver(SMALL_BASE.withListener(q -> Thread.currentThread().interrupt()));
        try {
            assertThrows(CancellationException.class, () -> solver.solve(p));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShortlistSolver.Options.DEFAULT.withThreads(0));
        assertEquals("threads must be >= 1 but is 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShortlistSolver.Options.DEFAULT.withBaseSize(1));
        assertEquals("neighbours must be >= 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> ShortlistSolver.Options.DEFAULT.withCandidates(0, 1)).getMessage());
        assertEquals("violatedPerRow must be >= 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> ShortlistSolver.Options.DEFAULT.withCandidates(1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShortlistSolver.Options.DEFAULT.withListener(null));
    }

    private static TransportProblem clouds(int n, int d, GroundCost cost, long seed) {
        return clouds(n, d, cost, seed, n);
    }

    private static TransportProblem clouds(int n, int d, GroundCost cost, long seed, int m) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[][] y = new double[m][d];
        for (int i = 0; i < Math.max(n, m); i++) {
            for (int k = 0; k < d; k++) {
                if (i < n) {
                    x[i][k] = random.nextDouble();
                }
                if (i < m) {
                    y[i][k] = 0.5 + random.nextDouble();
                }
            }
        }
        return TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
    }
}
