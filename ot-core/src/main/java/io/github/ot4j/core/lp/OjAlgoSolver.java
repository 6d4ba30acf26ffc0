package io.github.ot4j.core.lp;

import io.github.ot4j.core.Certificate;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import java.time.Duration;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.ojalgo.structure.Mutate1D;

/**
 * The reference exact solver: the transport linear program
 * <pre>
 *   minimise Σ_ij C_ij P_ij   subject to   Σ_j P_ij = a_i,   Σ_i P_ij = b_j,   P ≥ 0
 * </pre>
 * solved by ojAlgo's simplex method (its revised, dual-then-primal phased simplex, handed the LP directly
 * through {@link LinearSolver#newBuilder()}). One of the n + m equalities is implied by the others and is
 * left out (the last target's), so the LP is always feasible.
 *
 * <p>By default ({@link Formulation#COLUMN_GENERATION}) ojAlgo solves a sequence of restricted LPs over a
 * subset of the n·m plan entries. The first subset holds, for every point, the partners with the smallest
 * C<sub>ij</sub> − f<sub>i</sub> − g<sub>j</sub> under approximate potentials (f, g) from a few entropic
 * (Sinkhorn) iterations, plus the support of a feasible starting plan. After each solve every entry outside
 * the subset is priced with the restricted LP's potentials, and the most negative reduced costs
 * C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> join the subset. When none is negative the restricted
 * optimum is optimal for the whole LP. {@link Formulation#FULL} hands ojAlgo all n·m entries at once. Both
 * give an optimal answer; docs/ojalgo-lp.md compares their speed (at 512 × 512 column generation is about
 * five times faster).
 *
 * <p>The potentials are recovered from the optimal plan by shortest paths on its residual graph, so that
 * u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> holds everywhere, with equality on the plan's support, to
 * about 1e-12 of the largest |C<sub>ij</sub>|. Should ojAlgo's plan, optimal within ojAlgo's own
 * tolerances, still hold negative cycles, they are cancelled first, within the time limit. Before
 * returning, the solver checks that the answer's {@link TransportResult#certificate()} holds; an answer that
 * does not (ojAlgo's tolerances are absolute) is finished by the network simplex from the LP's potentials and
 * must then hold and agree with the LP's own bounds on the optimum.
 *
 * <p>Any LP outcome other than optimal becomes a {@link TransportSolverException} carrying the mapped
 * {@link SolverStatus} and ojAlgo's state; a non-optimal answer is never returned.
 *
 * <p>Immutable and thread-safe: each call builds its own LPs. Memory O(n·m) doubles besides ojAlgo's.
 */
public final class OjAlgoSolver implements ExactSolver {

    /** Relative tolerance of the potentials and of pricing, in units of max |C<sub>ij</sub>| (1 when every cost is 0). */
    static final double COST_TOLERANCE = 1e-12;

    /** Plan entries up to this fraction of the total mass are rounding noise, not support, for the potentials. */
    static final double MASS_TOLERANCE = 1e-14;

    /** How negative a plan entry from ojAlgo may be (relative to the mass) before it counts as a failure. */
    static final double NEGATIVE_MASS_TOLERANCE = 1e-9;
    /** Finishes answers that do not certify themselves (see {@link #certified}). */
    private static final NetworkSimplexSolver POLISH = new NetworkSimplexSolver();

    /** The most cost entries one solve may hold: n·m must index a Java array. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /** How the transport LP is handed to ojAlgo. */
    public enum Formulation {
        /** All n·m plan entries in one LP: the plainest formulation, slower from a few hundred points on. */
        FULL,
        /** Restricted LPs grown by pricing until no plan entry outside has a negative reduced cost. */
        COLUMN_GENERATION
    }

    /**
     * Options of the solver.
     *
     * @param formulation how the LP is handed to ojAlgo
     * @param timeLimit   the wall-clock budget of one solve, positive; when it runs out the solve ends with
     *                    a {@link TransportSolverException} of status {@link SolverStatus#ITERATION_LIMIT}
     */
    public record Options(Formulation formulation, Duration timeLimit) {

        /** Column generation, one hour per solve. */
        public static final Options DEFAULT = new Options(Formulation.COLUMN_GENERATION, Duration.ofHours(1));

        /**
         * Checks the options.
         *
         * @param formulation how the LP is handed to ojAlgo, not null
         * @param timeLimit   the time budget of one solve, positive
         */
        public Options {
            if (formulation == null) {
                throw new IllegalArgumentException("formulation must not be null");
            }
            if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive but is " + timeLimit);
            }
        }

        /**
         * @param formulation the formulation
         * @return these options with another formulation
         */
        public Options withFormulation(Formulation formulation) {
            return new Options(formulation, timeLimit);
        }

        /**
         * @param timeLimit the time budget of one solve, positive
         * @return these options with another time limit
         */
        public Options withTimeLimit(Duration timeLimit) {
            return new Options(formulation, timeLimit);
        }
    }

    /**
     * The knobs of column generation, fixed to {@link #DEFAULT} for users and varied by the formulation
     * benchmark.
     *
     * @param initialPartners    partners per point in the first restricted LP, ≥ 1
     * @param pricedPerPoint     priced-in columns per point and round, ≥ 1
     * @param sinkhornIterations Sinkhorn iterations for the potentials that choose the first columns; 0
     *                           chooses the cheapest partners instead
     * @param sinkhornEpsilon    their entropic regularisation as a fraction of max C − min C, &gt; 0
     */
    record Tuning(int initialPartners, int pricedPerPoint, int sinkhornIterations, double sinkhornEpsilon) {

        /** The defaults chosen by the benchmark in docs/ojalgo-lp.md. */
        static final Tuning DEFAULT = new Tuning(8, 4, 100, 0.003);

        Tuning {
            if (initialPartners < 1 || pricedPerPoint < 1 || sinkhornIterations < 0 || !(sinkhornEpsilon > 0)) {
                throw new IllegalArgumentException("invalid tuning " + initialPartners + ", " + pricedPerPoint
                        + ", " + sinkhornIterations + ", " + sinkhornEpsilon);
            }
        }
    }

    private final Options options;
    private final Tuning tuning;

    /** Creates the solver with {@link Options#DEFAULT}. */
    public OjAlgoSolver() {
        this(Options.DEFAULT);
    }

    /**
     * Creates the solver.
     *
     * @param options the options, not null
     */
    public OjAlgoSolver(Options options) {
        this(options, Tuning.DEFAULT);
    }

    /** With column-generation tuning other than the default: for the formulation benchmark. */
    OjAlgoSolver(Options options, Tuning tuning) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.tuning = tuning;
    }

    /** @return the options */
    public Options options() {
        return options;
    }

    @Override
    public TransportResult solve(TransportProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        long started = System.nanoTime();
        long budget = options.timeLimit().toNanos();
        int n = problem.n();
        int m = problem.m();
        if ((long) n * m > MAX_ENTRIES) {
            throw new IllegalArgumentException("problem is " + n + " x " + m + " = " + (long) n * m
                    + " entries, more than the " + MAX_ENTRIES + " this solver can index in one array");
        }
        // normalised data: masses by the power of two that brings their total into [1, 2), costs by the one that
        // brings max |C| into [1, 2); exact, so that 2^k·C or 2^k·(a, b) gives exactly 2^k times the same answer,
        // and ojAlgo's absolute tolerances (about 1e-10 on the constraints) become relative ones
        double mass = problem.mass();
        double massScale = Math.scalb(1.0, -Math.getExponent(mass));
        double[] a = scaled(problem.a(), massScale);
        double[] b = balanced(scaled(problem.b(), massScale), a);
        double[] cost = denseCost(problem.cost());
        double scale = 0;
        for (double c : cost) {
            scale = Math.max(scale, Math.abs(c));
        }
        double costScale = scale == 0 ? 1 : Math.scalb(1.0, -Math.getExponent(scale));
        if (costScale != 1) {
            for (int k = 0; k < cost.length; k++) {
                cost[k] *= costScale;
            }
        }
        scale *= costScale;
        if (scale == 0) {
            scale = 1;
        }
        double tolerance = COST_TOLERANCE * scale;
        ColumnSet columns;
        if (options.formulation() == Formulation.FULL) {
            columns = ColumnSet.all(n, m);
        } else {
            double[][] fg = tuning.sinkhornIterations() > 0
                    ? SinkhornStart.potentials(cost, a, b, tuning.sinkhornEpsilon() * spread(cost),
                            tuning.sinkhornIterations())
                    : new double[][] {new double[n], new double[m]};
            columns = ColumnSet.initial(cost, a, b, fg[0], fg[1], tuning.initialPartners());
        }
        while (true) {
            long left = budget - (System.nanoTime() - started);
            if (left <= 0) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "the time limit "
                        + options.timeLimit() + " ran out after growing the " + n + " x " + m
                        + " transport LP to " + columns.size() + " columns");
            }
            Restricted lp = Restricted.solve(a, b, cost, columns, left);
            double[][] uv = PlanPotentials.recover(n, m, lp.start, lp.target, lp.cost, lp.x,
                    MASS_TOLERANCE * mass * massScale, tolerance,
                    Math.max(1, budget - (System.nanoTime() - started)));
            if (options.formulation() == Formulation.FULL
                    || columns.addViolated(cost, uv[0], uv[1], tolerance, tuning.pricedPerPoint()) == 0) {
                return certified(new TransportResult(problem, lp.plan(n, m, a, b, 1 / massScale),
                        new Potentials(scaled(uv[0], 1 / costScale), scaled(uv[1], 1 / costScale))));
            }
        }
    }

    /**
     * Returns the LP's answer when its certificate {@link Certificate#holds() holds}. Otherwise (ojAlgo's
     * tolerances are absolute, about 1e-10 of the normalised data, so an optimum far below max|C|·mass, as with
     * costs spanning many decades, is found only to about 1e-10·max|C|·mass) the answer is polished: the network
     * simplex restarts from the LP's potentials (a warm start: its basis grows from the arcs they price lowest) and
     * its answer is returned if it holds and agrees with the LP's own rigorous interval
     * [{@link Certificate#lowerBound()}, {@link Certificate#upperBound()}] on the optimum. Anything else is a
     * {@link SolverStatus#FAILED} that should never happen.
     */
    private static TransportResult certified(TransportResult result) {
        Certificate c = result.certificate();
        if (c.holds()) {
            return result;
        }
        TransportResult polished;
        try {
            polished = POLISH.solve(result.problem(), result.potentials());
        } catch (TransportSolverException e) {
            throw new TransportSolverException(SolverStatus.FAILED, "ojAlgo's answer does not certify itself ("
                    + c + ") and polishing it failed: " + e.getMessage());
        }
        Certificate p = polished.certificate();
        if (!p.holds() || p.primalCost() - p.errorBound() > c.upperBound()
                || p.primalCost() + p.errorBound() < c.lowerBound()) {
            throw new TransportSolverException(SolverStatus.FAILED, "ojAlgo's answer does not certify itself ("
                    + c + ") and its polished answer " + p + " does not either, or disagrees with it");
        }
        return polished;
    }

    /** One restricted LP over the columns of a {@link ColumnSet}, solved by ojAlgo, and its plan. */
    private static final class Restricted {
        final int[] start;
        final int[] target;
        final int[] source;
        final double[] cost;
        final double[] x;

        private Restricted(int[] start, int[] target, int[] source, double[] cost, double[] x) {
            this.start = start;
            this.target = target;
            this.source = source;
            this.cost = cost;
            this.x = x;
        }

        static Restricted solve(double[] a, double[] b, double[] fullCost, ColumnSet columns, long nanosLeft) {
            int n = a.length;
            int m = b.length;
            int[][] rows = columns.rows();
            int[] start = rows[0];
            int[] flat = rows[1];
            int size = flat.length;
            int[] target = new int[size];
            int[] source = new int[size];
            double[] cost = new double[size];
            for (int k = 0; k < size; k++) {
                source[k] = flat[k] / m;
                target[k] = flat[k] % m;
                cost[k] = fullCost[flat[k]];
            }
            LinearSolver.Builder builder = LinearSolver.newBuilder(cost);
            for (int i = 0; i < n; i++) {
                Mutate1D row = builder.equality(a[i]);
                for (int k = start[i]; k < start[i + 1]; k++) {
                    row.set(k, 1);
                }
            }
            // the last target's equality is implied by the others: leaving it out keeps the LP feasible
            Mutate1D[] col = new Mutate1D[m - 1];
            for (int j = 0; j < m - 1; j++) {
                col[j] = builder.equality(b[j]);
            }
            for (int k = 0; k < size; k++) {
                if (target[k] < m - 1) {
                    col[target[k]].set(k, 1);
                }
            }
            Optimisation.Options o = new Optimisation.Options();
            o.linear().dual();
            o.sparse = Boolean.TRUE;
            o.time_abort = Math.max(1, nanosLeft / 1_000_000);
            long t0 = System.nanoTime();
            Optimisation.Result result = builder.build(o).solve();
            if (!result.getState().isOptimal()) {
                boolean outOfTime = System.nanoTime() - t0 >= nanosLeft;
                throw failure(result.getState(), result.getValue(), n + " x " + m + " transport LP over "
                        + size + " columns", outOfTime);
            }
            double mass = 0;
            for (double w : a) {
                mass += w;
            }
            double[] x = new double[size];
            for (int k = 0; k < size; k++) {
                double xk = result.doubleValue(k);
                if (!(xk >= -NEGATIVE_MASS_TOLERANCE * mass) || !Double.isFinite(xk)) {
                    throw new TransportSolverException(SolverStatus.FAILED, "ojAlgo reported OPTIMAL with plan "
                            + "entry P[" + source[k] + "][" + target[k] + "] = " + xk);
                }
                x[k] = Math.max(0, xk);
            }
            return new Restricted(start, target, source, cost, x);
        }

        TransportPlan plan(int n, int m, double[] a, double[] b, double massBack) {
            return TransportPlan.of(n, m, source, target,
                    scaled(ExactFlows.polish(n, m, source, target, x, a, b), massBack));
        }
    }

    /**
     * The exception for an ojAlgo outcome that is not optimal.
     *
     * @param state     ojAlgo's final state, not optimal
     * @param value     the objective value ojAlgo reported
     * @param lp        a description of the LP, for the message
     * @param outOfTime whether the time limit ran out, which makes the status
     *                  {@link SolverStatus#ITERATION_LIMIT} whatever the state
     * @return the exception, with the status {@link #statusOf(Optimisation.State)} and the state in its message
     */
    static TransportSolverException failure(Optimisation.State state, double value, String lp, boolean outOfTime) {
        SolverStatus status = outOfTime ? SolverStatus.ITERATION_LIMIT : statusOf(state);
        return new TransportSolverException(status, "ojAlgo stopped in state " + state + " with objective value "
                + value + " on the " + lp + (outOfTime ? " when the time limit ran out" : "")
                + "; no optimal answer");
    }

    /**
     * Maps ojAlgo's state to a solver status: OPTIMAL and DISTINCT (a unique optimum) are
     * {@link SolverStatus#OPTIMAL}; FEASIBLE (a plan not proven optimal) is {@link SolverStatus#FEASIBLE};
     * INFEASIBLE and UNBOUNDED keep their names; every other state (APPROXIMATE, VALID, INVALID, FAILED,
     * UNEXPLORED, or none) is {@link SolverStatus#FAILED}.
     *
     * @param state an ojAlgo state, possibly null
     * @return the corresponding status
     */
    static SolverStatus statusOf(Optimisation.State state) {
        if (state == null) {
            return SolverStatus.FAILED;
        }
        return switch (state) {
            case OPTIMAL, DISTINCT -> SolverStatus.OPTIMAL;
            case FEASIBLE -> SolverStatus.FEASIBLE;
            case INFEASIBLE -> SolverStatus.INFEASIBLE;
            case UNBOUNDED -> SolverStatus.UNBOUNDED;
            default -> SolverStatus.FAILED;
        };
    }

    /**
     * The target weights scaled to the sources' total, b·(Σa / Σb): the problem admits totals that differ
     * by up to {@link TransportProblem#MASS_TOLERANCE}, the LP needs them equal, and scaling spreads the
     * difference over all targets instead of leaving it on one.
     */
    private static double[] balanced(double[] b, double[] a) {
        double sa = 0;
        double sb = 0;
        for (double w : a) {
            sa += w;
        }
        for (double w : b) {
            sb += w;
        }
        double[] scaled = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            scaled[j] = b[j] * (sa / sb);
        }
        return scaled;
    }

    /** @return x·s in a new array (exact for a power of two s when nothing overflows or underflows) */
    private static double[] scaled(double[] x, double s) {
        double[] y = x.clone();
        if (s != 1) {
            for (int i = 0; i < y.length; i++) {
                y[i] *= s;
            }
        }
        return y;
    }

    /** @return max C − min C, or 1 if all costs are equal */
    private static double spread(double[] cost) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double c : cost) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        return max > min ? max - min : 1;
    }

    private static double[] denseCost(CostMatrix c) {
        int n = c.rows();
        int m = c.cols();
        double[] cost = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double cij = c.get(i, j);
                if (!Double.isFinite(cij)) {
                    throw new IllegalArgumentException("cost(" + i + ", " + j + ") must be finite but is " + cij);
                }
                cost[i * m + j] = cij;
            }
        }
        return cost;
    }

    @Override
    public String toString() {
        return "OjAlgoSolver[" + options + "]";
    }
}
