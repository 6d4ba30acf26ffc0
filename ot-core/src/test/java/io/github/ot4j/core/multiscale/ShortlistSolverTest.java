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

    /** x and y of the POT reference file, and POT's values for the Euclidean and squared Euclidean costs. */
    private record Reference(double[][] x, double[][] y, double euclidean, double squared) {
    }

    private static Reference reference() throws IOException {
        try (InputStream in = ShortlistSolverTest.class.getResourceAsStream("/reference/multiscale/gauss2d_n2000.txt");
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
            assertTrue(r.plan().size() <= p.n() + p.m() - 1, "a basic plan");
            assertEquals(EnumSet.allOf(ShortlistSolver.Phase.class), phases);
            assertTrue(levels.contains(2), "2000 → 250 → 32 (base): levels " + levels.stream().distinct().toList());
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameAnswer() {
        TransportProblem p = clouds(700, 3, GroundCost.cityblock(), 5);
        TransportResult one = new ShortlistSolver(SMALL_BASE.withThreads(1)).solve(p);
        TransportResult two = new ShortlistSolver(SMALL_BASE.withThreads(2)).solve(p);
        assertEquals(one.value(), two.value(), 0.0);
        assertArrayEquals(one.potentials().u(), two.potentials().u(), 0.0);
        assertArrayEquals(one.potentials().v(), two.potentials().v(), 0.0);
        assertEquals(one.plan().entries(), two.plan().entries());
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
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[][] y = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = random.nextDouble();
                y[i][k] = 0.5 + random.nextDouble();
            }
        }
        return TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
    }
}
