package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.internal.Checks;

/**
 * Entropic Wasserstein barycenters on a fixed support, POT's {@code ot.bregman.barycenter(A, M, reg, weights)}:
 * b = argmin<sub>b</sub> Σ<sub>k</sub> w<sub>k</sub> OT<sub>ε</sub>(b, a<sub>k</sub>), where the histograms
 * a<sub>1</sub>, …, a<sub>K</sub> and b live on the same d support points, C is the d × d cost between them and
 * OT<sub>ε</sub> is the entropic transport of {@link EntropicTransport} (plan argmin ⟨P, C⟩ + ε Σ P (log P − 1)).
 *
 * <p>Solved by iterative Bregman projections (Benamou et al. 2015), in the scaling domain as POT: K = exp(−C/ε),
 * plans P<sub>k</sub> = diag(u<sub>k</sub>) K diag(v<sub>k</sub>); each iteration sets v<sub>k</sub> =
 * a<sub>k</sub> / (Kᵀu<sub>k</sub>), then b = Π<sub>k</sub> (u<sub>k</sub> ⊙ Kv<sub>k</sub>)<sup>w<sub>k</sub></sup>
 * (the weighted geometric mean of the plans' row marginals) and u<sub>k</sub> = b / (Kv<sub>k</sub>). It stops, as
 * POT, when Σ<sub>i</sub> std<sub>k</sub>((u<sub>k</sub> ⊙ Kv<sub>k</sub>)<sub>i</sub>) — how far the K row marginals
 * still differ — is at most the tolerance (checked every iteration; POT checks every tenth), and returns the last b.
 * Time O(K·d²) per iteration. ε and the costs are in cost units; the barycenter has the histograms' common mass.
 *
 * <p>A run that does not reach its tolerance in the budget throws {@link TransportSolverException} with status
 * {@link SolverStatus#ITERATION_LIMIT}; a kernel that underflows (ε far below the costs: the scaling domain cannot
 * represent it) throws one with status {@link SolverStatus#FAILED}, naming ε. Bad input (no histograms, lengths
 * that differ from the cost's size, NaN or ∞, negative entries, zero or unequal masses, weights that are negative
 * or do not sum to 1, ε ≤ 0) throws an {@link IllegalArgumentException} naming the argument. Stateless and
 * thread-safe.
 */
public final class EntropicBarycenter {

    /**
     * The settings of a solve.
     *
     * @param tolerance     the stopping threshold on Σ<sub>i</sub> std<sub>k</sub> of the row marginals, &gt; 0
     *                      (default 1e-12, in mass units)
     * @param maxIterations the iteration budget, ≥ 1 (default 100 000)
     */
    public record Options(double tolerance, int maxIterations) {

        /** The defaults: tolerance 1e-12, 100 000 iterations. */
        public static final Options DEFAULT = new Options(1e-12, 100_000);

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

    /**
     * A converged barycenter.
     *
     * @param barycenter the histogram b on the d support points (a copy is handed out)
     * @param epsilon    the regularisation ε, in cost units
     * @param iterations the iterations done
     * @param change     Σ<sub>i</sub> std<sub>k</sub> of the row marginals at the end, at most the tolerance
     */
    public record Result(double[] barycenter, double epsilon, int iterations, double change) {

        /**
         * Copies the barycenter.
         *
         * @param barycenter the histogram
         * @param epsilon    ε
         * @param iterations the iterations done
         * @param change     the last change
         */
        public Result {
            if (barycenter == null) {
                throw new IllegalArgumentException("barycenter must not be null");
            }
            barycenter = barycenter.clone();
        }

        /** @return a copy of the barycenter b */
        @Override
        public double[] barycenter() {
            return barycenter.clone();
        }
    }

    private EntropicBarycenter() {
    }

    /**
     * The barycenter with the default {@link Options}.
     *
     * @param histograms the K histograms a<sub>k</sub>, each of length d, entries ≥ 0, all of the same positive mass
     * @param weights    the K barycentric weights w<sub>k</sub> ≥ 0, summing to 1
     * @param cost       the d × d cost between the support points
     * @param epsilon    the regularisation ε &gt; 0, in cost units
     * @return the converged barycenter
     * @throws IllegalArgumentException for bad input
     * @throws TransportSolverException if the tolerance is not reached or the kernel underflows
     */
    public static Result solve(double[][] histograms, double[] weights, CostMatrix cost, double epsilon) {
        return solve(histograms, weights, cost, epsilon, Options.DEFAULT);
    }

    /**
     * The barycenter.
     *
     * @param histograms the K histograms a<sub>k</sub>, each of length d, entries ≥ 0, all of the same positive mass
     * @param weights    the K barycentric weights w<sub>k</sub> ≥ 0, summing to 1
     * @param cost       the d × d cost between the support points
     * @param epsilon    the regularisation ε &gt; 0, in cost units
     * @param options    the settings
     * @return the converged barycenter
     * @throws IllegalArgumentException for bad input
     * @throws TransportSolverException if the tolerance is not reached or the kernel underflows
     */
    public static Result solve(double[][] histograms, double[] weights, CostMatrix cost, double epsilon,
            Options options) {
        if (histograms == null || weights == null || cost == null || options == null) {
            throw new IllegalArgumentException("histograms, weights, cost and options must not be null");
        }
        int nk = histograms.length;
        if (nk == 0) {
            throw new IllegalArgumentException("histograms must not be empty");
        }
        int d = cost.rows();
        if (cost.cols() != d) {
            throw new IllegalArgumentException("cost must be square but is " + d + " x " + cost.cols());
        }
        if (weights.length != nk) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but there are " + nk
                    + " histograms");
        }
        Checks.finite("weights", weights);
        double wsum = 0;
        for (int k = 0; k < nk; k++) {
            if (weights[k] < 0) {
                throw new IllegalArgumentException("weights[" + k + "] must be >= 0 but is " + weights[k]);
            }
            wsum += weights[k];
        }
        if (Math.abs(wsum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1 but sum to " + wsum);
        }
        double mass = Double.NaN;
        for (int k = 0; k < nk; k++) {
            double[] h = histograms[k];
            if (h == null || h.length != d) {
                throw new IllegalArgumentException("histograms[" + k + "] must have length " + d + " (the cost's size) "
                        + "but has " + (h == null ? "none" : Integer.toString(h.length)));
            }
            Checks.finite("histograms[" + k + "]", h);
            double s = 0;
            for (int i = 0; i < d; i++) {
                if (h[i] < 0) {
                    throw new IllegalArgumentException("histograms[" + k + "][" + i + "] must be >= 0 but is " + h[i]);
                }
                s += h[i];
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("histograms[" + k + "] must have positive mass but sums to " + s);
            }
            if (k == 0) {
                mass = s;
            } else if (Math.abs(s - mass) > 1e-9 * mass) {
                throw new IllegalArgumentException("histograms[" + k + "] has mass " + s + " but histograms[0] has "
                        + mass + "; all must have the same total mass");
            }
        }
        EntropicTransport.checkEpsilon(epsilon);
        return run(histograms, weights, EntropicTransport.flatten(cost), d, epsilon, options);
    }

    private static Result run(double[][] a, double[] w, double[] c, int d, double epsilon, Options options) {
        int nk = a.length;
        double[] kernel = new double[d * d];
        for (int t = 0; t < kernel.length; t++) {
            kernel[t] = Math.exp(-c[t] / epsilon);
        }
        double[][] u = new double[nk][d];
        double[][] kv = new double[nk][d];
        double[][] marg = new double[nk][d];
        double[] v = new double[d];
        double[] b = new double[d];
        for (double[] uk : u) {
            java.util.Arrays.fill(uk, 1);
        }
        int iterations = 0;
        while (true) {
            for (int k = 0; k < nk; k++) {
                // v = a_k / (Kᵀ u_k), then Kv_k and the row marginal u_k ⊙ Kv_k
                java.util.Arrays.fill(v, 0);
                for (int i = 0; i < d; i++) {
                    double ui = u[k][i];
                    int base = i * d;
                    for (int j = 0; j < d; j++) {
                        v[j] += kernel[base + j] * ui;
                    }
                }
                for (int j = 0; j < d; j++) {
                    if (!(v[j] > 0) || !Double.isFinite(v[j])) {
                        throw underflow(epsilon, iterations);
                    }
                    v[j] = a[k][j] / v[j];
                }
                for (int i = 0; i < d; i++) {
                    int base = i * d;
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += kernel[base + j] * v[j];
                    }
                    kv[k][i] = s;
                    marg[k][i] = u[k][i] * s;
                }
            }
            double change = 0;
            for (int i = 0; i < d; i++) {
                double logB = 0;
                double mean = 0;
                for (int k = 0; k < nk; k++) {
                    if (w[k] > 0) {
                        logB += w[k] * Math.log(marg[k][i]);
                    }
                    mean += marg[k][i];
                }
                mean /= nk;
                double var = 0;
                for (int k = 0; k < nk; k++) {
                    double dev = marg[k][i] - mean;
                    var += dev * dev;
                }
                change += Math.sqrt(var / nk);
                b[i] = Math.exp(logB);
            }
            if (!Double.isFinite(change)) {
                throw underflow(epsilon, iterations);
            }
            if (change <= options.tolerance()) {
                return new Result(b, epsilon, iterations, change);
            }
            if (iterations >= options.maxIterations()) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "entropic barycenter did not reach "
                        + "the tolerance " + options.tolerance() + " in maxIterations = " + options.maxIterations()
                        + " iterations with epsilon = " + epsilon + " (change " + change + "); raise epsilon, the "
                        + "tolerance or maxIterations");
            }
            for (int k = 0; k < nk; k++) {
                for (int i = 0; i < d; i++) {
                    u[k][i] = b[i] / kv[k][i];
                }
            }
            iterations++;
        }
    }

    private static TransportSolverException underflow(double epsilon, int iterations) {
        return new TransportSolverException(SolverStatus.FAILED, "entropic barycenter: the kernel exp(-C/epsilon) "
                + "underflows with epsilon = " + epsilon + " (iteration " + iterations + "); raise epsilon");
    }
}
