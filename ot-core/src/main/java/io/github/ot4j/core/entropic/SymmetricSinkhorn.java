package io.github.ot4j.core.entropic;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

/**
 * OT<sub>ε</sub>(a, a) by the symmetric Sinkhorn iteration of Feydy et al. (2019), f ← ½ (f + T(f)) with
 * T(f)<sub>i</sub> = −ε log Σ<sub>j</sub> a<sub>j</sub> exp((f<sub>j</sub> − C<sub>ij</sub>)/ε), run as scaling
 * iterations on a stabilised kernel as {@link ScalingSinkhorn}: with α = log a + f/ε held as α̂ + log s and
 * K̃<sub>ij</sub> = exp(α̂<sub>i</sub> + α̂<sub>j</sub> − C<sub>ij</sub>/ε), the update is
 * s<sub>i</sub> ← (s<sub>i</sub> a<sub>i</sub> / (K̃s)<sub>i</sub>)<sup>1/2</sup>, one matrix–vector product per
 * iteration; the kernel is rebuilt from α whenever a scaling would leave [{@value ScalingSinkhorn#LOW},
 * {@value ScalingSinkhorn#HIGH}] or a sum underflows. The marginal error of the plan diag(s) K̃ diag(s) is
 * 2 Σ<sub>i</sub> |s<sub>i</sub> (K̃s)<sub>i</sub> − a<sub>i</sub>|, measured on the same pass. The dense work runs in
 * {@link RowBlocks} (identical results on one thread or several).
 */
final class SymmetricSinkhorn {

    private SymmetricSinkhorn() {
    }

    /**
     * Solves; arguments checked by the caller.
     *
     * @param a        the weights
     * @param c        the n × n costs between the measure's points, row-major
     * @param epsilon  ε &gt; 0
     * @param options  tolerance and budget (ε-scaling is not used: the averaged update converges in a few dozen
     *                 iterations)
     * @param parallel whether the dense passes may use several threads
     * @return the converged result
     */
    static EntropicResult solve(double[] a, double[] c, double epsilon, EntropicTransport.Options options,
            boolean parallel) {
        int n = a.length;
        double ie = 1 / epsilon;
        double[] la = LogKernel.logs(a);
        RowBlocks blocks = RowBlocks.of(n, n, parallel);
        double[] k = new double[n * n];
        double[] alphaHat = la.clone();
        double[] s = new double[n];
        double[] r = new double[n];
        double[] errPart = new double[blocks.count()];
        boolean rebuild = true;
        int iterations = 0;
        while (true) {
            if (rebuild) {
                blocks.forEach(blk -> {
                    for (int i = blocks.start(blk), end = blocks.end(blk); i < end; i++) {
                        int base = i * n;
                        for (int j = 0; j < n; j++) {
                            k[base + j] = Math.exp(alphaHat[i] + alphaHat[j] - c[base + j] * ie);
                        }
                    }
                });
                for (int i = 0; i < n; i++) {
                    s[i] = a[i] > 0 ? 1 : 0;
                }
                rebuild = false;
            }
            blocks.forEach(blk -> {
                double err = 0;
                for (int i = blocks.start(blk), end = blocks.end(blk); i < end; i++) {
                    int base = i * n;
                    double ri = 0;
                    for (int j = 0; j < n; j++) {
                        ri += k[base + j] * s[j];
                    }
                    r[i] = ri;
                    if (a[i] > 0) {
                        err += Math.abs(s[i] * ri - a[i]);
                    }
                }
                errPart[blk] = err;
            });
            double err = 0;
            for (double e : errPart) {
                err += e;
            }
            if (!Double.isFinite(err)) {
                throw new TransportSolverException(SolverStatus.FAILED, "symmetric Sinkhorn reached a marginal "
                        + "error of " + err + " at iteration " + iterations + " with epsilon = " + epsilon);
            }
            if (2 * err <= options.tolerance()) {
                break;
            }
            if (iterations >= options.maxIterations()) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "symmetric Sinkhorn did not reach "
                        + "the marginal error " + options.tolerance() + " in maxIterations = "
                        + options.maxIterations() + " iterations with epsilon = " + epsilon + " (marginal error "
                        + 2 * err + "); raise epsilon, the tolerance or maxIterations");
            }
            boolean outside = false;
            for (int i = 0; i < n && !outside; i++) {
                if (a[i] > 0) {
                    double next = Math.sqrt(s[i] * a[i] / r[i]);
                    outside = !(next >= ScalingSinkhorn.LOW && next <= ScalingSinkhorn.HIGH);
                }
            }
            if (outside) { // absorb: α̂ = α̂ + log s, then the same update from the rebuilt kernel
                for (int i = 0; i < n; i++) {
                    if (a[i] > 0) {
                        alphaHat[i] += Math.log(s[i]);
                    }
                }
                rebuild = true;
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (a[i] > 0) {
                    s[i] = Math.sqrt(s[i] * a[i] / r[i]);
                }
            }
            iterations++;
        }
        double[] u = new double[n];
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = a[i] > 0 ? alphaHat[i] + Math.log(s[i]) : Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            // where a weight is zero, the potential its row update gives: −log Σ_j exp(α_j − C_ij/ε)
            u[i] = a[i] > 0 ? alpha[i] - la[i] : -LogKernel.rowLseAt(c, n, i, ie, alpha);
        }
        return EntropicTransport.finish(a, a, la, la, c, u, u.clone(), epsilon, iterations);
    }
}
