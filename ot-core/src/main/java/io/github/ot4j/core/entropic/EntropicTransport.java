package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportSolverException;

/**
 * Entropic optimal transport by log-domain Sinkhorn iterations: the plan
 * P<sub>ε</sub> = argmin<sub>P ∈ Π(a, b)</sub> ⟨P, C⟩ + ε Σ<sub>ij</sub> P<sub>ij</sub> (log P<sub>ij</sub> − 1),
 * the same problem as POT's {@code sinkhorn(a, b, M, reg, method='sinkhorn_log')}. ε is absolute, in cost units:
 * a common choice is a few percent of the median cost.
 *
 * <p>The iterations are those of log-domain Sinkhorn: g<sub>j</sub> = −ε log Σ<sub>i</sub> a<sub>i</sub>
 * exp((f<sub>i</sub> − C<sub>ij</sub>)/ε) and f<sub>i</sub> = −ε log Σ<sub>j</sub> b<sub>j</sub> exp((g<sub>j</sub> −
 * C<sub>ij</sub>)/ε), stable for small ε. They are run as scaling iterations on a stabilised kernel
 * K̃<sub>ij</sub> = exp(α̂<sub>i</sub> + β̂<sub>j</sub> − C<sub>ij</sub>/ε) into which the potentials are absorbed
 * (Schmitzer 2016): each iteration is one pass over K̃ doing both matrix–vector products, without an exponential
 * per entry, and the kernel is rebuilt by an exact log-domain row update (max trick) whenever a scaling leaves
 * [1e-20, 1e20] or a kernel sum underflows, so that small ε stays stable (see {@code ScalingSinkhorn}). They stop
 * when the marginal error Σ<sub>i</sub> |(P1)<sub>i</sub> − a<sub>i</sub>| (the columns are exact after each
 * column update) is at most the tolerance, measured on the row pass each iteration needs anyway. With
 * {@link Options#epsilonScaling()} the solve starts at a large ε and halves it down to the target, each stage
 * warm-started from the last: useful for small ε. Time O(n·m) per iteration (n·m exponentials per rebuild, one
 * rebuild per ε stage when ε is moderate), memory two dense n × m arrays (costs and kernel; the plan is kept in
 * kernel form, {@link EntropicPlan}). The dense passes run in fixed row blocks on the common fork-join pool where
 * n·m ≥ 2<sup>17</sup>, with the same results on one thread or several (system property
 * {@code ot4j.entropic.parallel=false}: the calling thread only).
 *
 * <p>A solve that does not reach its tolerance within {@link Options#maxIterations()} throws a
 * {@link TransportSolverException} with status {@link SolverStatus#ITERATION_LIMIT}: never a silent number.
 * Bad input (NaN or ∞, negative or zero-mass weights, unequal masses, ε ≤ 0 or not finite) throws an
 * {@link IllegalArgumentException} naming the argument. Stateless and thread-safe.
 */
public final class EntropicTransport {

    /**
     * The settings of a solve.
     *
     * @param tolerance      the stopping threshold on the marginal error, in mass units, &gt; 0 (default 1e-9)
     * @param maxIterations  the iteration budget, ≥ 1, for all ε stages together (default 100 000)
     * @param epsilonScaling whether to start at a large ε (the largest |C<sub>ij</sub>|) and halve it down to the
     *                       target, warm-starting each stage (default false, as POT)
     */
    public record Options(double tolerance, int maxIterations, boolean epsilonScaling) {

        /** The defaults: tolerance 1e-9, 100 000 iterations, no ε-scaling. */
        public static final Options DEFAULT = new Options(1e-9, 100_000, false);

        /**
         * Checks the settings.
         *
         * @param tolerance      the marginal-error threshold, &gt; 0
         * @param maxIterations  the budget, ≥ 1
         * @param epsilonScaling whether to scale ε
         */
        public Options {
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be finite and > 0 but is " + tolerance);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1 but is " + maxIterations);
            }
        }

        /**
         * @param tolerance the new tolerance
         * @return these options with that tolerance
         */
        public Options withTolerance(double tolerance) {
            return new Options(tolerance, maxIterations, epsilonScaling);
        }

        /**
         * @param maxIterations the new budget
         * @return these options with that budget
         */
        public Options withMaxIterations(int maxIterations) {
            return new Options(tolerance, maxIterations, epsilonScaling);
        }

        /**
         * @param epsilonScaling whether to scale ε
         * @return these options with that choice
         */
        public Options withEpsilonScaling(boolean epsilonScaling) {
            return new Options(tolerance, maxIterations, epsilonScaling);
        }
    }

    private static final double SCALING_STAGE_TOLERANCE = 1e-3;

    private EntropicTransport() {
    }

    /**
     * The entropic plan between two point clouds with the default {@link Options}.
     *
     * @param mu      the source measure
     * @param nu      the target measure, of the same total mass and dimension
     * @param cost    the ground cost
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the tolerance is not reached in the iteration budget
     */
    public static EntropicResult solve(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost, double epsilon) {
        return solve(mu, nu, cost, epsilon, Options.DEFAULT);
    }

    /**
     * The entropic plan between two point clouds.
     *
     * @param mu      the source measure
     * @param nu      the target measure, of the same total mass and dimension
     * @param cost    the ground cost
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @param options the settings
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the tolerance is not reached in the iteration budget
     */
    public static EntropicResult solve(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost, double epsilon,
            Options options) {
        TransportProblem problem = TransportProblem.of(mu, nu, cost);
        return solve(problem.a(), problem.b(), problem.cost(), epsilon, options);
    }

    /**
     * The entropic plan for weights and a cost matrix with the default {@link Options}.
     *
     * @param a       source weights, n finite values ≥ 0 with a positive sum
     * @param b       target weights, m finite values ≥ 0, the same total as a
     * @param cost    the n × m cost matrix
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the tolerance is not reached in the iteration budget
     */
    public static EntropicResult solve(double[] a, double[] b, CostMatrix cost, double epsilon) {
        return solve(a, b, cost, epsilon, Options.DEFAULT);
    }

    /**
     * The entropic plan for weights and a cost matrix.
     *
     * @param a       source weights, n finite values ≥ 0 with a positive sum
     * @param b       target weights, m finite values ≥ 0, the same total as a
     * @param cost    the n × m cost matrix
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @param options the settings
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the tolerance is not reached in the iteration budget
     */
    public static EntropicResult solve(double[] a, double[] b, CostMatrix cost, double epsilon, Options options) {
        TransportProblem.of(a, b, cost);
        checkEpsilon(epsilon);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return ScalingSinkhorn.solve(a.clone(), b.clone(), flatten(cost), epsilon, options,
                RowBlocks.parallelByDefault());
    }

    /**
     * The Sinkhorn divergence S<sub>ε</sub>(μ, ν) with the default {@link Options}.
     *
     * @param mu      the source measure
     * @param nu      the target measure, of the same total mass and dimension
     * @param cost    the ground cost
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @return the divergence and its three entropic values
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if one of the three solves does not converge
     */
    public static SinkhornDivergence divergence(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost,
            double epsilon) {
        return divergence(mu, nu, cost, epsilon, Options.DEFAULT);
    }

    /**
     * The Sinkhorn divergence S<sub>ε</sub>(μ, ν) = OT<sub>ε</sub>(μ, ν) − ½ OT<sub>ε</sub>(μ, μ) −
     * ½ OT<sub>ε</sub>(ν, ν) (see {@link SinkhornDivergence}).
     *
     * @param mu      the source measure
     * @param nu      the target measure, of the same total mass and dimension
     * @param cost    the ground cost
     * @param epsilon the regularisation ε &gt; 0, in cost units
     * @param options the settings of each of the three solves
     * @return the divergence and its three entropic values
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if one of the three solves does not converge
     */
    public static SinkhornDivergence divergence(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost,
            double epsilon, Options options) {
        double xy = solve(mu, nu, cost, epsilon, options).entropic();
        double xx = selfTransport(mu, cost, epsilon, options).entropic();
        double yy = selfTransport(nu, cost, epsilon, options).entropic();
        return new SinkhornDivergence(xy - 0.5 * xx - 0.5 * yy, xy, xx, yy);
    }

    /**
     * OT<sub>ε</sub>(a, a) by the symmetric Sinkhorn iteration f ← ½ (f + T(f)), T(f)<sub>i</sub> =
     * −ε log Σ<sub>j</sub> a<sub>j</sub> exp((f<sub>j</sub> − C<sub>ij</sub>)/ε) (Feydy et al. 2019): the plan of a
     * measure onto itself is symmetric, and the averaged update converges in a few dozen iterations where the
     * alternating one oscillates; run on a stabilised kernel ({@link SymmetricSinkhorn}). Same stopping rule and
     * budget as {@link #solve}.
     */
    static EntropicResult selfTransport(DiscreteMeasure mu, GroundCost cost, double epsilon, Options options) {
        TransportProblem problem = TransportProblem.of(mu, mu, cost);
        checkEpsilon(epsilon);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return SymmetricSinkhorn.solve(problem.a(), flatten(problem.cost()), epsilon, options,
                RowBlocks.parallelByDefault());
    }

    static double checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but is " + epsilon);
        }
        return epsilon;
    }

    /** The costs as one row-major array, each entry checked finite. */
    static double[] flatten(CostMatrix cost) {
        int n = cost.rows();
        int m = cost.cols();
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cost is " + n + " x " + m + ", too large for a dense entropic solve");
        }
        double[] c = new double[n * m];
        if (cost instanceof PointCostMatrix points) {
            // the blocked kernel that C2 vectorises, in row blocks of about 64 k entries; it refuses non-finite costs
            // (in RowBlocks, so on several threads when they pay; each entry is the same either way)
            int rows = Math.max(1, Math.min(n, (1 << 16) / Math.max(1, m)));
            RowBlocks blocks = RowBlocks.of(n, m, RowBlocks.parallelByDefault());
            blocks.forEach(blk -> {
                for (int i0 = blocks.start(blk), end = blocks.end(blk); i0 < end; i0 += rows) {
                    points.block(i0, Math.min(end, i0 + rows), 0, m, c, i0 * m); // in place
                }
            });
            return c;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = cost.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] must be finite but is " + v);
                }
                c[i * m + j] = v;
            }
        }
        return c;
    }

    /**
     * The plain log-domain iteration, every sweep with n·m exponentials: the reference the stabilised scaling
     * iteration ({@link ScalingSinkhorn}) is tested against.
     */
    static EntropicResult logDomain(double[] a, double[] b, double[] c, double epsilon, Options options) {
        int n = a.length;
        int m = b.length;
        double[] la = LogKernel.logs(a);
        double[] lb = LogKernel.logs(b);
        double[] u = new double[n];
        double[] v = new double[m];
        double[] wRow = new double[m];
        double[] wCol = new double[n];
        double[] lse = new double[n];
        double[] scratchMax = new double[m];
        double[] scratchSum = new double[m];
        double mass = 0;
        for (double x : a) {
            mass += x;
        }
        double stageEps = EntropicTransport.firstStage(c, epsilon, options);
        int iterations = 0;
        double err = Double.NaN;
        double previousEps = stageEps;
        while (true) {
            boolean last = stageEps <= epsilon;
            double scale = previousEps / stageEps;
            for (int i = 0; i < n; i++) {
                u[i] *= scale;
            }
            for (int j = 0; j < m; j++) {
                v[j] *= scale;
            }
            double ie = 1 / stageEps;
            double stageTol = last ? options.tolerance() : Math.max(options.tolerance(), SCALING_STAGE_TOLERANCE * mass);
            int stageIterations = 0;
            while (true) {
                for (int j = 0; j < m; j++) {
                    wRow[j] = lb[j] + v[j];
                }
                LogKernel.rowLse(c, n, m, ie, wRow, lse);
                if (stageIterations > 0) {
                    err = 0;
                    for (int i = 0; i < n; i++) {
                        if (a[i] > 0) {
                            err += a[i] * Math.abs(Math.expm1(u[i] + lse[i]));
                        }
                    }
                    if (!Double.isFinite(err)) {
                        throw new TransportSolverException(SolverStatus.FAILED, "log-domain Sinkhorn reached a "
                                + "marginal error of " + err + " at iteration " + iterations + " with epsilon = "
                                + stageEps);
                    }
                    if (err <= stageTol) {
                        break;
                    }
                }
                if (iterations >= options.maxIterations()) {
                    throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "log-domain Sinkhorn did not "
                            + "reach the marginal error " + options.tolerance() + " in maxIterations = "
                            + options.maxIterations() + " iterations with epsilon = " + epsilon + " (stage epsilon "
                            + stageEps + ", marginal error " + err + "); raise epsilon, the tolerance or "
                            + "maxIterations, or use epsilon scaling");
                }
                for (int i = 0; i < n; i++) {
                    u[i] = -lse[i];
                    wCol[i] = la[i] + u[i];
                }
                LogKernel.colLse(c, n, m, ie, wCol, v, scratchMax, scratchSum);
                for (int j = 0; j < m; j++) {
                    v[j] = -v[j];
                }
                iterations++;
                stageIterations++;
            }
            if (last) {
                break;
            }
            previousEps = stageEps;
            stageEps = Math.max(epsilon, stageEps / 2);
        }
        return finish(a, b, la, lb, c, u, v, epsilon, iterations);
    }

    static EntropicResult finish(double[] a, double[] b, double[] la, double[] lb, double[] c, double[] u,
            double[] v, double epsilon, int iterations) {
        int n = a.length;
        int m = b.length;
        double ie = 1 / epsilon;
        double[] alpha = new double[n];
        double[] beta = new double[m];
        for (int i = 0; i < n; i++) {
            alpha[i] = la[i] + u[i];
        }
        for (int j = 0; j < m; j++) {
            beta[j] = lb[j] + v[j];
        }
        double transport = 0;
        double logSum = 0;
        double total = 0;
        double rowErr = 0;
        double[] col = new double[m];
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                continue;
            }
            int base = i * m;
            double row = 0;
            for (int j = 0; j < m; j++) {
                if (b[j] == 0) {
                    continue;
                }
                double logP = alpha[i] + beta[j] - c[base + j] * ie;
                double p = Math.exp(logP);
                row += p;
                col[j] += p;
                transport += p * c[base + j];
                logSum += p * (logP - la[i] - lb[j]);
            }
            total += row;
            rowErr += Math.abs(row - a[i]);
        }
        double colErr = 0;
        double sb = 0;
        for (int j = 0; j < m; j++) {
            colErr += Math.abs(col[j] - b[j]);
            sb += b[j];
        }
        double sa = 0;
        for (double x : a) {
            sa += x;
        }
        double kl = logSum - total + sa * sb;
        double[] f = new double[n];
        double[] g = new double[m];
        for (int i = 0; i < n; i++) {
            f[i] = epsilon * u[i];
        }
        for (int j = 0; j < m; j++) {
            g[j] = epsilon * v[j];
        }
        return new EntropicResult(new EntropicPlan(c, n, m, epsilon, alpha, beta), new Potentials(f, g), transport,
                transport + epsilon * kl, epsilon, iterations, rowErr + colErr);
    }

    /**
     * The first ε of the run: ε itself, or with ε-scaling max(ε, max|C<sub>ij</sub>|), divided down stage by stage.
     *
     * @param c       the costs, row-major
     * @param epsilon the target ε, in cost units
     * @param options whether ε-scaling is on
     * @return the first stage's ε
     */
    static double firstStage(double[] c, double epsilon, Options options) {
        if (!options.epsilonScaling()) {
            return epsilon;
        }
        double big = 0;
        for (double x : c) {
            big = Math.max(big, Math.abs(x));
        }
        return Math.max(epsilon, big);
    }
}
