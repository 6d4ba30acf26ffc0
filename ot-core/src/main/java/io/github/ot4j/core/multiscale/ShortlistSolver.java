package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

/**
 * An exact solver for large problems in O(n + m + candidates) memory: multiscale shortlists (after Schmitzer 2016,
 * "A sparse multiscale algorithm for dense optimal transport", and Oberman &amp; Ruan 2015).
 * <ol>
 *   <li><b>Coarse.</b> A deterministic subsample of 1/{@link Options#coarseFactor()} of the points on each side
 *       (weights renormalised) is solved by this same method, recursively, down to problems of at most
 *       {@link Options#baseSize()}² pairs that the dense {@link NetworkSimplexSolver} solves. Its potentials are
 *       extended to every point by c-transforms: u<sub>i</sub> = min<sub>j′</sub> C<sub>ij′</sub> − v<sub>j′</sub>,
 *       v<sub>j</sub> = min<sub>i′</sub> C<sub>i′j</sub> − u<sub>i′</sub> over the coarse points.</li>
 *   <li><b>Candidates.</b> One pass over all n·m pairs keeps, per row, the {@link Options#neighbours()} columns of
 *       smallest C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> (the nearest neighbours when the potentials are 0),
 *       plus the n + m − 1 arcs of the north-west-corner plan of both sides sorted by their first coordinate, so
 *       that the candidates always admit a feasible plan.</li>
 *   <li><b>Simplex and pricing.</b> The network simplex runs on the candidate arcs; then a pass over <em>all</em>
 *       n·m pairs adds, per row, up to {@link Options#violatedPerRow()} arcs whose reduced cost
 *       C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> is negative beyond rounding, and the simplex continues from
 *       its basis. This repeats until a pass finds none: the potentials are then dual feasible on every pair and
 *       the plan, optimal on the candidates, is optimal for the whole problem (the result's certificate checks it
 *       again independently).</li>
 * </ol>
 * <b>Assignments.</b> When n = m and all weights are exactly equal on each side (e.g. {@link
 * io.github.ot4j.core.DiscreteMeasure#uniform}), the LP's vertices are permutations, and each level is solved as an
 * assignment problem instead ({@link SparseAssignment}: auction, then exact shortest augmenting paths) on
 * {@link Options#assignmentNeighbours()} candidates per row from the extended potentials (nearest column blocks
 * first) plus the coarse plan's children; the pricing passes are the same, and the plan has mass a<sub>i</sub> on
 * each matched pair. Otherwise the sparse network simplex runs.
 *
 * <p><b>Spatial order.</b> Point-based problems are solved with both sides reordered along a k-d tree
 * ({@link SpatialOrder}), and mapped back: consecutive indices are then near in space, and for Minkowski costs the
 * passes skip the blocks of columns whose bounding-box bound ({@link BlockBounds}) proves that no pair in them is
 * violated (or can enter a row's K smallest).
 *
 * <p>Passes over all pairs run on {@link Options#threads()} threads (row chunks; each row's outcome is independent
 * of the others, so the answer is identical for every thread count). The simplex and the assignment are
 * single-threaded.
 * A {@link Listener} hears each phase; interrupting the solving thread cancels the solve with a
 * {@link CancellationException}.
 *
 * <p>Immutable and thread-safe: every solve has its own state (and its own thread pool).
 */
public final class ShortlistSolver implements ExactSolver {

    /** The phases a {@link Listener} hears about. */
    public enum Phase {
        /** A problem small enough for the dense network simplex was solved (the coarsest level, or all of it). */
        BASE,
        /** The candidate arcs of a level were chosen. */
        CANDIDATES,
        /** The network simplex reached optimality on the arcs held. */
        SIMPLEX,
        /**
         * The sparse assignment matched every row on the arcs held (n = m, equal weights);
         * {@link Progress#pivots()} counts the columns its searches settled.
         */
        ASSIGNMENT,
        /** A pass over all pairs priced the potentials; {@link Progress#violated()} arcs were added. */
        PRICING,
        /** The level is solved and certified by a pass that found no violated pair. */
        DONE
    }

    /**
     * One progress report.
     *
     * @param level          0 for the problem asked, 1 for its first coarsening, …
     * @param n              sources at this level
     * @param m              targets at this level
     * @param phase          what just finished
     * @param round          pricing rounds done at this level
     * @param activeArcs     arcs held by the sparse simplex at this level
     * @param violated       arcs added by the last pricing pass (0 otherwise)
     * @param pivots         simplex pivots done at this level
     * @param elapsedSeconds seconds since the solve began
     */
    public record Progress(int level, int n, int m, Phase phase, int round, long activeArcs, long violated,
                           long pivots, double elapsedSeconds) {
    }

    /** Receives progress reports on the solving thread; it must return quickly. */
    @FunctionalInterface
    public interface Listener {
        /** A listener that ignores everything. */
        Listener NONE = p -> { };

        /**
         * @param progress what just happened
         */
        void progress(Progress progress);
    }

    /**
     * Settings, checked on construction.
     *
     * @param neighbours     candidate columns per row from the coarse potentials, ≥ 1
     * @param violatedPerRow violated arcs added per row and pricing pass, ≥ 1
     * @param assignmentNeighbours candidate columns per row on the assignment path (n = m, equal weights), ≥ 1
     * @param coarseFactor   each level keeps one point in coarseFactor on each side, ≥ 2
     * @param baseSize       levels with n·m ≤ baseSize² go to the dense network simplex, ≥ 2
     * @param threads        threads of the passes over all pairs, ≥ 1
     * @param maxIterations  pivot cap per level, ≥ 1
     * @param listener       progress reports, not null ({@link Listener#NONE} for none)
     */
    public record Options(int neighbours, int violatedPerRow, int assignmentNeighbours, int coarseFactor,
                          int baseSize, int threads, long maxIterations, Listener listener) {

        /**
         * The defaults: 16 neighbours (64 on the assignment path: at 10 000 points 6–11 pricing rounds instead of
         * 9–12, about twice as fast), 32 violated arcs per row and pass, coarsening by 8, dense below 3000 × 3000,
         * one thread per available processor, 10<sup>9</sup> pivots, no listener. (Against 8 and 8, measured on
         * the benchmark's 5 000-point Euclidean clouds: 8 pricing rounds instead of 16, 15 s instead of 19 s.)
         */
        public static final Options DEFAULT = new Options(16, 32, 64, 8, 3000,
                Runtime.getRuntime().availableProcessors(), 1_000_000_000L, Listener.NONE);

        /**
         * Checks the settings.
         *
         * @param neighbours     candidate columns per row, ≥ 1
         * @param violatedPerRow violated arcs added per row and pass, ≥ 1
         * @param assignmentNeighbours candidate columns per row on the assignment path, ≥ 1
         * @param coarseFactor   coarsening factor, ≥ 2
         * @param baseSize       dense below baseSize², ≥ 2
         * @param threads        threads of the full passes, ≥ 1
         * @param maxIterations  pivot cap per level, ≥ 1
         * @param listener       progress reports, not null
         */
        public Options {
            check("neighbours", neighbours, 1);
            check("violatedPerRow", violatedPerRow, 1);
            check("assignmentNeighbours", assignmentNeighbours, 1);
            check("coarseFactor", coarseFactor, 2);
            check("baseSize", baseSize, 2);
            check("threads", threads, 1);
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1 but is " + maxIterations);
            }
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null (use Listener.NONE)");
            }
        }

        private static void check(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + " but is " + value);
            }
        }

        /**
         * @param threads threads of the passes over all pairs, ≥ 1
         * @return these options with another thread count
         */
        public Options withThreads(int threads) {
            return new Options(neighbours, violatedPerRow, assignmentNeighbours, coarseFactor, baseSize, threads,
                    maxIterations, listener);
        }

        /**
         * @param listener progress reports
         * @return these options with another listener
         */
        public Options withListener(Listener listener) {
            return new Options(neighbours, violatedPerRow, assignmentNeighbours, coarseFactor, baseSize, threads,
                    maxIterations, listener);
        }

        /**
         * @param neighbours     candidate columns per row from the coarse potentials, ≥ 1
         * @param violatedPerRow violated arcs added per row and pricing pass, ≥ 1
         * @return these options with other candidate counts
         */
        public Options withCandidates(int neighbours, int violatedPerRow) {
            return new Options(neighbours, violatedPerRow, assignmentNeighbours, coarseFactor, baseSize, threads,
                    maxIterations, listener);
        }

        /**
         * @param assignmentNeighbours candidate columns per row on the assignment path, ≥ 1
         * @return these options with another candidate count for assignments
         */
        public Options withAssignmentNeighbours(int assignmentNeighbours) {
            return new Options(neighbours, violatedPerRow, assignmentNeighbours, coarseFactor, baseSize, threads,
                    maxIterations, listener);
        }

        /**
         * @param baseSize levels with n·m ≤ baseSize² go to the dense network simplex, ≥ 2
         * @return these options with another base size
         */
        public Options withBaseSize(int baseSize) {
            return new Options(neighbours, violatedPerRow, assignmentNeighbours, coarseFactor, baseSize, threads,
                    maxIterations, listener);
        }
    }

    /** Column blocks per row chunk that the first pass of the assignment path visits (nearest by bound first). */
    static final int NEAREST_BLOCKS = 24;

    private final Options options;

    /** A solver with {@link Options#DEFAULT}. */
    public ShortlistSolver() {
        this(Options.DEFAULT);
    }

    /**
     * @param options the settings
     */
    public ShortlistSolver(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /** @return the settings */
    public Options options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * @throws CancellationException when the solving thread is interrupted
     */
    @Override
    public TransportResult solve(TransportProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            SpatialOrder sorted = SpatialOrder.of(problem);
            if (sorted == null) {
                return new Run(pool, System.nanoTime()).level(problem, 0);
            }
            return sorted.back(problem, new Run(pool, System.nanoTime()).level(sorted.problem(), 0));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One solve: its pool and clock. */
    private final class Run {
        private final ForkJoinPool pool;
        private final long start;

        Run(ForkJoinPool pool, long start) {
            this.pool = pool;
            this.start = start;
        }

        private void report(int level, int n, int m, Phase phase, int round, long arcs, long violated, long pivots) {
            options.listener().progress(new Progress(level, n, m, phase, round, arcs, violated, pivots,
                    (System.nanoTime() - start) / 1e9));
        }

        TransportResult level(TransportProblem problem, int level) {
            int n = problem.n();
            int m = problem.m();
            long base = (long) options.baseSize() * options.baseSize();
            if ((long) n * m <= base || n < 2 * options.coarseFactor() || m < 2 * options.coarseFactor()) {
                TransportResult r = new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT
                        .withMaxIterations(options.maxIterations())).solve(problem);
                report(level, n, m, Phase.BASE, 0, 0, 0, 0);
                return r;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("shortlist solve cancelled (thread interrupted)");
            }
            Coarsening coarse = Coarsening.of(problem, options.coarseFactor(), level);
            TransportResult coarseResult = level(coarse.problem(), level + 1);
            Potentials cp = coarseResult.potentials();
            CostMatrix cost = problem.cost();
            // c-transforms of the coarse potentials: u_i = min_j' C_ij' - v_j', v_j = min_i' C_i'j - u_i'
            double[] u = transform(RowScan.scan(coarse.rowsToCoarseCols(), null, cp.v(), 1, false, pool), cp.v());
            double[] v = transform(RowScan.scan(coarse.colsToCoarseRows(), null, cp.u(), 1, false, pool), cp.u());
            boolean assignment = isAssignment(problem);
            RowScan.Result first = assignment
                    ? RowScan.scan(cost, u, v, options.assignmentNeighbours(), false, NEAREST_BLOCKS, pool)
                    : RowScan.scan(cost, u, v, options.neighbours(), false, pool);
            if (assignment) {
                return assign(problem, level, coarse, coarseResult.plan(), v, first);
            }
            double maxCost = first.maxCost();
            SparseNetworkSimplex simplex = new SparseNetworkSimplex(problem.a(), problem.b(), options.maxIterations());
            candidates(simplex, problem, coarse, coarseResult.plan(), first);
            report(level, n, m, Phase.CANDIDATES, 0, simplex.arcCount(), 0, 0);
            int round = 0;
            while (true) {
                simplex.run(maxCost, u, v);
                report(level, n, m, Phase.SIMPLEX, round, simplex.arcCount(), 0, simplex.iterations());
                double[] pi = simplex.potentials();
                double[] pu = new double[n];
                double[] pv = new double[m];
                for (int i = 0; i < n; i++) {
                    pu[i] = -pi[i];
                }
                System.arraycopy(pi, n, pv, 0, m);
                RowScan.Result priced = RowScan.scan(cost, pu, pv, options.violatedPerRow(), true, pool);
                round++;
                report(level, n, m, Phase.PRICING, round, simplex.arcCount(), priced.total(), simplex.iterations());
                if (priced.total() == 0) {
                    break;
                }
                Candidates.add(simplex, priced);
            }
            double mass = problem.mass();
            double leftover = simplex.artificialFlow();
            if (leftover > 2 * TransportProblem.MASS_TOLERANCE * mass) {
                throw new TransportSolverException(SolverStatus.FAILED, "shortlist solver ended with mass " + leftover
                        + " on an artificial arc (total mass " + mass + ")");
            }
            int[] rows = new int[n + m];
            int[] cols = new int[n + m];
            double[] masses = new double[n + m];
            int k = simplex.plan(rows, cols, masses);
            TransportPlan plan = TransportPlan.of(n, m, Arrays.copyOf(rows, k), Arrays.copyOf(cols, k),
                    Arrays.copyOf(masses, k));
            report(level, n, m, Phase.DONE, round, simplex.arcCount(), 0, simplex.iterations());
            return new TransportResult(problem, plan, balanced(simplex.potentials(), problem));
        }

        /** The candidates: a feasible arc set, the first pass's arcs and the coarse plan's children. */
        private void candidates(ArcSink sink, TransportProblem problem, Coarsening coarse, TransportPlan coarsePlan,
                                RowScan.Result first) {
            Candidates.addNorthWest(sink, problem);
            Candidates.add(sink, first);
            if (coarse.sourceToCoarse() != null) {
                Candidates.refine(sink, problem, coarse, coarsePlan, pool);
            }
        }

        /**
         * A level that is an assignment problem: {@link SparseAssignment} on the candidates from the extended
         * column potentials as prices, then pricing passes over all pairs until one finds no violated pair.
         */
        private TransportResult assign(TransportProblem problem, int level, Coarsening coarse,
                                       TransportPlan coarsePlan, double[] prices, RowScan.Result first) {
            int n = problem.n();
            SparseAssignment assignment = new SparseAssignment(n, prices);
            candidates(assignment, problem, coarse, coarsePlan, first);
            assignment.start();
            report(level, n, n, Phase.CANDIDATES, 0, assignment.arcCount(), 0, 0);
            int round = 0;
            while (true) {
                assignment.augment();
                report(level, n, n, Phase.ASSIGNMENT, round, assignment.arcCount(), 0, assignment.settled());
                RowScan.Result priced = RowScan.scan(problem.cost(), assignment.u(), assignment.v(),
                        options.violatedPerRow(), true, pool);
                round++;
                report(level, n, n, Phase.PRICING, round, assignment.arcCount(), priced.total(), assignment.settled());
                if (priced.total() == 0) {
                    break;
                }
                assignment.reprice(priced);
            }
            int[] rows = new int[n];
            double[] masses = new double[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
                masses[i] = problem.a(i);
            }
            TransportPlan plan = TransportPlan.of(n, n, rows, assignment.matching().clone(), masses);
            report(level, n, n, Phase.DONE, round, assignment.arcCount(), 0, assignment.settled());
            double[] pi = new double[2 * n];
            for (int i = 0; i < n; i++) {
                pi[i] = -assignment.u()[i];
                pi[n + i] = assignment.v()[i];
            }
            return new TransportResult(problem, plan, balanced(pi, problem));
        }
    }

    /** The c-transform t<sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> − w<sub>j</sub> from a pass that kept one column. */
    private static double[] transform(RowScan.Result r, double[] w) {
        double[] t = new double[r.count().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.costs()[i] - w[r.cols()[i]];
        }
        return t;
    }

    /** Whether the problem is an assignment: n = m and all weights exactly equal on each side. */
    static boolean isAssignment(TransportProblem problem) {
        if (problem.n() != problem.m()) {
            return false;
        }
        double[] a = problem.a();
        double[] b = problem.b();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != a[0] || b[i] != b[0]) {
                return false;
            }
        }
        return true;
    }

    /** u = −π, v = π, shifted so that Σ a<sub>i</sub>u<sub>i</sub> = Σ b<sub>j</sub>v<sub>j</sub>. */
    private static Potentials balanced(double[] pi, TransportProblem problem) {
        int n = problem.n();
        int m = problem.m();
        double[] u = new double[n];
        double[] v = new double[m];
        double su = 0;
        double sv = 0;
        for (int i = 0; i < n; i++) {
            u[i] = -pi[i];
            su += problem.a(i) * u[i];
        }
        for (int j = 0; j < m; j++) {
            v[j] = pi[n + j];
            sv += problem.b(j) * v[j];
        }
        double shift = (su - sv) / (2 * problem.mass());
        for (int i = 0; i < n; i++) {
            u[i] -= shift;
        }
        for (int j = 0; j < m; j++) {
            v[j] += shift;
        }
        return new Potentials(u, v);
    }

    @Override
    public String toString() {
        return "ShortlistSolver" + options;
    }
}
