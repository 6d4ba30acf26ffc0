package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.internal.Checks;

/**
 * Unbalanced entropic optimal transport, POT's {@code sinkhorn_unbalanced}: the plan
 * P = argmin<sub>P ≥ 0</sub> ⟨P, C⟩ + ε Σ P<sub>ij</sub>(log P<sub>ij</sub> − 1) + ρ KL̃(P1 ‖ a) +
 * ρ KL̃(P<sup>T</sup>1 ‖ b), with KL̃(x ‖ y) = Σ x log(x/y) − x + y: the marginals are penalised rather than
 * imposed, so a and b may have different masses. ε and ρ are in cost units; as ρ → ∞ the marginals become
 * constraints.
 *
 * <p>Solved by the scaling iterations of Chizat et al. (2018) in the log domain: with P<sub>ij</sub> =
 * exp(α<sub>i</sub> + β<sub>j</sub> − C<sub>ij</sub>/ε) and λ = ρ/(ρ + ε), α<sub>i</sub> = λ (log a<sub>i</sub> −
 * log Σ<sub>j</sub> exp(β<sub>j</sub> − C<sub>ij</sub>/ε)), and the same for β.
 *
 * <p><b>Stopping rule.</b> They stop when no α<sub>i</sub> or β<sub>j</sub> moved by more than the tolerance in an
 * iteration: max<sub>i</sub> |Δ log u<sub>i</sub>| and max<sub>j</sub> |Δ log v<sub>j</sub>| ≤ tol, the relative
 * change of every single scaling u = e<sup>α</sup>, v = e<sup>β</sup>, checked after each iteration; otherwise, at
 * the budget, a {@link TransportSolverException} with status {@link SolverStatus#ITERATION_LIMIT}. POT 0.8.2's
 * {@code sinkhorn_knopp_unbalanced} also checks after each iteration, but ½ (max|Δu| / max(‖u‖<sub>∞</sub>,
 * ‖u<sub>prev</sub>‖<sub>∞</sub>, 1) + the same for v) &lt; tol: a change relative to the largest scaling. Since
 * |Δu<sub>i</sub>| / ‖u‖<sub>∞</sub> ≤ |Δu<sub>i</sub>| / u<sub>i</sub>, each of its terms is at most this rule's (to
 * first order), so at equal tolerance ot4j stops no earlier than POT (n = 1000 in the breadth benchmark, tolerance
 * 1e-6: 24 iterations against POT's 23, the values 4e-7 apart).
 *
 * <p><b>Work.</b> The iterations run first in the scaling domain, as POT: the kernel K = exp(−C/ε) computed once
 * (costs from points by {@link io.github.ot4j.core.PointCostMatrix#block}, the exponentials by {@link KernelExp}'s
 * vectorised loop, within 1e-12 relative of {@link Math#exp} and about 2.5× faster), then per iteration a single pass
 * over K for both matrix–vector products — four rows at a time: (Kv)<sub>i</sub>, then u<sub>i</sub>, then
 * Kᵀu += u<sub>i</sub> K<sub>i·</sub> while the rows are in cache — with n + m exponentials and logarithms, none
 * per entry; the mass is Σ<sub>j</sub> v<sub>j</sub> (Kᵀu)<sub>j</sub> from the last pass and ⟨P, C⟩ =
 * Σ<sub>j</sub> v<sub>j</sub> ((K ∘ C)ᵀu)<sub>j</sub> one more pass. The kernel, the pass and the sums run in fixed
 * row blocks (several threads where n·m ≥ 2<sup>17</sup>, identical results on one). They restart in the log
 * domain, with the max trick, when a kernel sum underflows or a scaling overflows there (small ε). Time O(n·m) per
 * iteration, memory two dense n × m arrays.
 *
 * <p>Bad input (NaN or ∞, negative weights, a zero-mass measure, ε ≤ 0, ρ ≤ 0) throws an
 * {@link IllegalArgumentException} naming the argument. Stateless and thread-safe.
 */
public final class UnbalancedTransport {

    /**
     * The settings of a solve.
     *
     * @param tolerance     the stopping threshold on the change of the log-scalings, &gt; 0 (default 1e-9)
     * @param maxIterations the iteration budget, ≥ 1 (default 100 000)
     */
    public record Options(double tolerance, int maxIterations) {

        /** The defaults: tolerance 1e-9, 100 000 iterations. */
        public static final Options DEFAULT = new Options(1e-9, 100_000);

        /**
         * Checks the settings.
         *
         * @param tolerance     the threshold, &gt; 0
         * @param maxIterations the budget, ≥ 1
         */
        public Options {
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be finite and > 0 but is " + tolerance);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1 but is " + maxIterations);
            }
        }
    }

    private UnbalancedTransport() {
    }

    /**
     * The unbalanced plan between two point clouds with the default {@link Options}.
     *
     * @param mu      the source measure, any positive mass
     * @param nu      the target measure, any positive mass, the same dimension
     * @param cost    the ground cost
     * @param epsilon the entropic regularisation ε &gt; 0, in cost units
     * @param rho     the marginal penalty ρ &gt; 0, in cost units
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the iterations do not settle in the budget
     */
    public static UnbalancedResult solve(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost, double epsilon,
            double rho) {
        if (mu == null || nu == null || cost == null) {
            throw new IllegalArgumentException("mu, nu and cost must not be null");
        }
        if (mu.dimension() != nu.dimension()) {
            throw new IllegalArgumentException("nu has dimension " + nu.dimension() + " but mu has dimension "
                    + mu.dimension());
        }
        return solve(mu.weights(), nu.weights(), CostMatrix.between(mu, nu, cost), epsilon, rho, Options.DEFAULT);
    }

    /**
     * The unbalanced plan for weights and a cost matrix.
     *
     * @param a       source weights, n finite values ≥ 0 with a positive sum
     * @param b       target weights, m finite values ≥ 0 with a positive sum (any total)
     * @param cost    the n × m cost matrix
     * @param epsilon the entropic regularisation ε &gt; 0, in cost units
     * @param rho     the marginal penalty ρ &gt; 0, in cost units
     * @param options the settings
     * @return the converged result
     * @throws IllegalArgumentException   for bad input
     * @throws TransportSolverException if the iterations do not settle in the budget
     */
    public static UnbalancedResult solve(double[] a, double[] b, CostMatrix cost, double epsilon, double rho,
            Options options) {
        checkWeights("a", a);
        checkWeights("b", b);
        if (cost == null || options == null) {
            throw new IllegalArgumentException("cost and options must not be null");
        }
        if (cost.rows() != a.length || cost.cols() != b.length) {
            throw new IllegalArgumentException("cost is " + cost.rows() + " x " + cost.cols() + " but a has length "
                    + a.length + " and b has length " + b.length);
        }
        EntropicTransport.checkEpsilon(epsilon);
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and > 0 but is " + rho);
        }
        return run(a.clone(), b.clone(), EntropicTransport.flatten(cost), epsilon, rho, options);
    }

    private static void checkWeights(String name, double[] w) {
        Checks.finite(name, w);
        if (w.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] must be >= 0 but is " + w[i]);
            }
            s += w[i];
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException(name + " must have positive mass but sums to " + s);
        }
    }

    private static UnbalancedResult run(double[] a, double[] b, double[] c, double epsilon, double rho,
            Options options) {
        UnbalancedResult fast = scaling(a, b, c, epsilon, rho, options);
        return fast != null ? fast : logDomain(a, b, c, epsilon, rho, options);
    }

    /**
     * The same iterations in the scaling domain, as POT: the kernel K = exp(−C/ε) computed once
     * ({@link KernelExp#negScaledRow}), then per iteration one pass over K that does both matrix–vector products
     * (row i: (Kv)<sub>i</sub>, then u<sub>i</sub>, then Kᵀu += u<sub>i</sub> K<sub>i·</sub> while the row is in
     * cache; no exponentials on n·m entries). Returns
     * null, to fall back to the log domain, as soon as a kernel sum underflows to 0 or a scaling overflows (small
     * ε).
     */
    static UnbalancedResult scaling(double[] a, double[] b, double[] c, double epsilon, double rho,
            Options options) {
        return scaling(a, b, c, epsilon, rho, options, RowBlocks.parallelByDefault());
    }

    /** The same, with the dense work in {@link RowBlocks} (identical results on one thread or several). */
    static UnbalancedResult scaling(double[] a, double[] b, double[] c, double epsilon, double rho,
            Options options, boolean parallel) {
        int n = a.length;
        int m = b.length;
        double ie = 1 / epsilon;
        double lambda = rho / (rho + epsilon);
        RowBlocks blocks = RowBlocks.of(n, m, parallel);
        // the kernel as row arrays: C2 vectorises the Kᵀu loop over separate rows, not over offsets of one array
        double[][] k = new double[n][];
        blocks.forEach(blk -> {
            for (int i = blocks.start(blk), end = blocks.end(blk); i < end; i++) {
                k[i] = KernelExp.negScaledRow(c, i * m, m, ie);
            }
        });
        double[] la = LogKernel.logs(a);
        double[] lb = LogKernel.logs(b);
        double[] u = new double[n];
        double[] v = new double[m];
        double[] logU = new double[n];
        double[] logV = new double[m];
        java.util.Arrays.fill(v, 1);
        double[] ktu = new double[m];
        double[][] partial = new double[blocks.count()][m];
        double[] changes = new double[blocks.count()];
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > options.tolerance()) {
            if (iterations >= options.maxIterations()) {
                return null;
            }
            blocks.forEach(blk -> changes[blk] = rowPass(a, la, k, blocks.start(blk), blocks.end(blk), m, lambda, v,
                    u, logU, partial[blk]));
            change = 0;
            for (double x : changes) {
                change = Math.max(change, x); // NaN (an underflow) wins: Math.max propagates it
            }
            if (Double.isNaN(change)) {
                return null;
            }
            RowBlocks.reduce(partial, ktu);
            // v_j = (b_j / (Kᵀu)_j)^λ by the rows' update, a method C2 compiles in the first solve: this loop, run
            // once an iteration, stays interpreted for several solves (0.18 ms an iteration there with the logs
            // and exponentials inline)
            for (int j = 0; j < m; j++) {
                double old = logV[j];
                double vj = update(b, lb, j, ktu[j], lambda, logV);
                if (Double.isNaN(vj)) {
                    return null;
                }
                change = Math.max(change, moved(logV[j], old));
                v[j] = vj;
            }
            if (!Double.isFinite(change)) {
                return null;
            }
            iterations++;
        }
        // the mass Σ u_i K_ij v_j = Σ_j v_j (Kᵀu)_j: the last pass summed Kᵀu from the final u, and v came from it;
        // ⟨P, C⟩ = Σ_j v_j w_j with w = (K ∘ C)ᵀu, summed per block four rows at a time (a loop C2 vectorises)
        double mass = 0;
        for (int j = 0; j < m; j++) {
            mass += v[j] * ktu[j];
        }
        blocks.forEach(blk -> costColumns(k, c, u, blocks.start(blk), blocks.end(blk), m, partial[blk]));
        RowBlocks.reduce(partial, ktu);
        double transport = 0;
        for (int j = 0; j < m; j++) {
            transport += v[j] * ktu[j];
        }
        if (!Double.isFinite(transport) || !Double.isFinite(mass)) {
            return null;
        }
        return new UnbalancedResult(new EntropicPlan(c, n, m, epsilon, logU, logV), transport, mass, epsilon, rho,
                iterations, change);
    }

    /**
     * One pass over the kernel rows [i0, i1), four at a time (v and the partial Kᵀu loaded once for the four):
     * (Kv)<sub>i</sub>, then u<sub>i</sub> and log u<sub>i</sub>, then Kᵀu += u<sub>i</sub> K<sub>i·</sub> while the
     * rows are in cache, into {@code ktu} (zeroed first). The groups of four are a method of their own, called
     * n/4 times a pass, so that C2 compiles it fully within the first solve (a method called a few times with long
     * loops runs in C1 code and on-stack replacements for several solves).
     *
     * @return the largest change of a log u<sub>i</sub>, or NaN when a kernel sum underflowed or overflowed
     */
    private static double rowPass(double[] a, double[] la, double[][] k, int i0, int i1, int m, double lambda,
            double[] v, double[] u, double[] logU, double[] ktu) {
        double change = 0;
        java.util.Arrays.fill(ktu, 0);
        int i = i0;
        while (i < i1) {
            boolean four = i + 3 < i1;
            double moved = four ? fourRows(a, la, k, i, m, lambda, v, u, logU, ktu)
                    : oneRow(a, la, k, i, m, lambda, v, u, logU, ktu);
            if (Double.isNaN(moved)) {
                return Double.NaN;
            }
            change = Math.max(change, moved);
            i += four ? 4 : 1;
        }
        return change;
    }

    /** Rows i..i+3 of {@link #rowPass}: the largest change of their log u, or NaN. */
    private static double fourRows(double[] a, double[] la, double[][] k, int i, int m, double lambda, double[] v,
            double[] u, double[] logU, double[] ktu) {
        double[] sums = new double[4];
        KernelRows.dots4(k, i, v, m, sums);
        double o0 = logU[i];
        double o1 = logU[i + 1];
        double o2 = logU[i + 2];
        double o3 = logU[i + 3];
        double u0 = update(a, la, i, sums[0], lambda, logU);
        double u1 = update(a, la, i + 1, sums[1], lambda, logU);
        double u2 = update(a, la, i + 2, sums[2], lambda, logU);
        double u3 = update(a, la, i + 3, sums[3], lambda, logU);
        if (Double.isNaN(u0 + u1 + u2 + u3)) {
            return Double.NaN;
        }
        u[i] = u0;
        u[i + 1] = u1;
        u[i + 2] = u2;
        u[i + 3] = u3;
        sums[0] = u0;
        sums[1] = u1;
        sums[2] = u2;
        sums[3] = u3;
        KernelRows.addRows4(k, i, sums, ktu, m);
        return Math.max(Math.max(moved(logU[i], o0), moved(logU[i + 1], o1)),
                Math.max(moved(logU[i + 2], o2), moved(logU[i + 3], o3)));
    }

    /** Row i of {@link #rowPass} alone: the change of its log u, or NaN. */
    private static double oneRow(double[] a, double[] la, double[][] k, int i, int m, double lambda, double[] v,
            double[] u, double[] logU, double[] ktu) {
        double[] ki = k[i];
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += ki[j] * v[j];
        }
        double old = logU[i];
        double ui = update(a, la, i, s, lambda, logU);
        if (Double.isNaN(ui)) {
            return Double.NaN;
        }
        u[i] = ui;
        for (int j = 0; j < m; j++) {
            ktu[j] += ui * ki[j];
        }
        return moved(logU[i], old);
    }

    /**
     * w<sub>j</sub> = Σ<sub>i∈[i0, i1)</sub> u<sub>i</sub> K<sub>ij</sub> C<sub>ij</sub> into {@code w} (zeroed
     * first), four rows at a time, the cost rows copied out first so that C2 vectorises the loop (a zero weight's
     * u<sub>i</sub> = 0 adds 0: its kernel row is finite, or the iterations would have fallen back to the log
     * domain).
     */
    private static void costColumns(double[][] k, double[] c, double[] u, int i0, int i1, int m, double[] w) {
        java.util.Arrays.fill(w, 0);
        double[][] rows = new double[4][m];
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            costRows(k, c, u, i, 4, m, w, rows);
        }
        if (i < i1) {
            costRows(k, c, u, i, i1 - i, m, w, rows);
        }
    }

    /** Rows i..i+count−1 (count ≤ 4) of {@link #costColumns}, their costs copied into {@code rows}. */
    private static void costRows(double[][] k, double[] c, double[] u, int i, int count, int m, double[] w,
            double[][] rows) {
        for (int r = 0; r < count; r++) {
            System.arraycopy(c, (i + r) * m, rows[r], 0, m);
        }
        if (count == 4) {
            double u0 = u[i];
            double u1 = u[i + 1];
            double u2 = u[i + 2];
            double u3 = u[i + 3];
            double[] k0 = k[i];
            double[] k1 = k[i + 1];
            double[] k2 = k[i + 2];
            double[] k3 = k[i + 3];
            double[] c0 = rows[0];
            double[] c1 = rows[1];
            double[] c2 = rows[2];
            double[] c3 = rows[3];
            for (int j = 0; j < m; j++) {
                w[j] += u0 * (k0[j] * c0[j]) + u1 * (k1[j] * c1[j]) + u2 * (k2[j] * c2[j]) + u3 * (k3[j] * c3[j]);
            }
            return;
        }
        for (int r = 0; r < count; r++) {
            double ui = u[i + r];
            double[] ki = k[i + r];
            double[] ci = rows[r];
            for (int j = 0; j < m; j++) {
                w[j] += ui * (ki[j] * ci[j]);
            }
        }
    }

    /**
     * u<sub>i</sub> = (a<sub>i</sub> / s)<sup>λ</sup> from s = (Kv)<sub>i</sub>, its log stored in logU[i]; 0 (log −∞)
     * for a zero weight; NaN when s underflowed to 0 or is not finite (then the log domain takes over). The same
     * for the columns: v<sub>j</sub> from b, s = (Kᵀu)<sub>j</sub> and log v.
     */
    private static double update(double[] a, double[] la, int i, double s, double lambda, double[] logU) {
        if (a[i] == 0) {
            logU[i] = Double.NEGATIVE_INFINITY;
            return 0;
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            return Double.NaN;
        }
        double next = lambda * (la[i] - Math.log(s));
        logU[i] = next;
        return Math.exp(next);
    }

    /** How far a log-scaling moved: |next − old|, 0 for a zero weight's (−∞). */
    private static double moved(double next, double old) {
        return next == Double.NEGATIVE_INFINITY ? 0 : Math.abs(next - old);
    }

    static UnbalancedResult logDomain(double[] a, double[] b, double[] c, double epsilon, double rho,
            Options options) {
        int n = a.length;
        int m = b.length;
        double ie = 1 / epsilon;
        double lambda = rho / (rho + epsilon);
        double[] la = LogKernel.logs(a);
        double[] lb = LogKernel.logs(b);
        double[] alpha = new double[n];
        double[] beta = new double[m];
        double[] lse = new double[n];
        double[] colOut = new double[m];
        double[] scratchMax = new double[m];
        double[] scratchSum = new double[m];
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > options.tolerance()) {
            if (iterations >= options.maxIterations()) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "unbalanced Sinkhorn did not "
                        + "settle to the tolerance " + options.tolerance() + " in maxIterations = "
                        + options.maxIterations() + " iterations with epsilon = " + epsilon + ", rho = " + rho
                        + " (last change " + change + "); raise epsilon, the tolerance or maxIterations");
            }
            change = 0;
            LogKernel.rowLse(c, n, m, ie, beta, lse);
            for (int i = 0; i < n; i++) {
                double next = lambda * (la[i] - lse[i]);
                if (Double.isFinite(next)) {
                    change = Math.max(change, Math.abs(next - alpha[i]));
                }
                alpha[i] = next;
            }
            LogKernel.colLse(c, n, m, ie, alpha, colOut, scratchMax, scratchSum);
            for (int j = 0; j < m; j++) {
                double next = lambda * (lb[j] - colOut[j]);
                if (Double.isFinite(next)) {
                    change = Math.max(change, Math.abs(next - beta[j]));
                }
                beta[j] = next;
            }
            if (Double.isNaN(change)) {
                throw new TransportSolverException(SolverStatus.FAILED, "unbalanced Sinkhorn produced NaN at "
                        + "iteration " + iterations + " with epsilon = " + epsilon + ", rho = " + rho);
            }
            iterations++;
        }
        return result(a, c, n, m, epsilon, rho, alpha, beta, iterations, change);
    }

    private static UnbalancedResult result(double[] a, double[] c, int n, int m, double epsilon, double rho,
            double[] alpha, double[] beta, int iterations, double change) {
        double ie = 1 / epsilon;
        double transport = 0;
        double mass = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                continue;
            }
            int base = i * m;
            for (int j = 0; j < m; j++) {
                double p = Math.exp(alpha[i] + beta[j] - c[base + j] * ie);
                mass += p;
                transport += p * c[base + j];
            }
        }
        return new UnbalancedResult(new EntropicPlan(c, n, m, epsilon, alpha, beta), transport, mass, epsilon, rho,
                iterations, change);
    }
}
