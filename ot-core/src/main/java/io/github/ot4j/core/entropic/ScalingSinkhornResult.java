package io.github.ot4j.core.entropic;

import io.github.ot4j.core.Potentials;

/**
 * The answer of a {@link ScalingSinkhorn} solve, read from its final state once: the plan, the potentials, the
 * transport cost and the entropic objective, from the kernel form or from the log-scalings. Split from the solver so
 * that the solver's file holds the iteration.
 */
final class ScalingSinkhornResult {

    private ScalingSinkhornResult() {
    }

    /**
     * The result from the kernel form: P = diag(s) K̃ diag(t) summed in one pass (rows, columns, ⟨P, C⟩), the KL
     * term from the log-scalings: Σ P log(P / a⊗b) = Σ<sub>i</sub> (P1)<sub>i</sub> (α<sub>i</sub> − log a<sub>i</sub>)
     * + Σ<sub>j</sub> (Pᵀ1)<sub>j</sub> (β<sub>j</sub> − log b<sub>j</sub>) − ⟨P, C⟩/ε; no exponential per entry.
     */
    static EntropicResult fromKernel(ScalingSinkhorn z, double epsilon, int iterations) {
        double[] rows = z.sNew; // free now: the row sums
        z.blocks.forEach(blk -> {
            double[] col = z.acc[blk];
            java.util.Arrays.fill(col, 0);
            double transport = 0;
            for (int i = z.blocks.start(blk), end = z.blocks.end(blk); i < end; i++) {
                double si = z.s[i];
                if (si == 0) {
                    rows[i] = 0;
                    continue;
                }
                int base = i * z.m;
                double[] ki = z.k[i];
                double row = 0;
                double rowCost = 0;
                for (int j = 0; j < z.m; j++) {
                    double p = ki[j] * z.t[j];
                    row += p;
                    rowCost += p * z.c[base + j];
                    col[j] += si * p;
                }
                rows[i] = si * row;
                transport += si * rowCost;
            }
            z.transportPart[blk] = transport;
        });
        double[] cols = new double[z.m];
        RowBlocks.reduce(z.acc, cols);
        double transport = ScalingSinkhorn.sum(z.transportPart);
        double logSum = -transport / epsilon;
        double total = 0;
        double rowErr = 0;
        double sa = 0;
        for (int i = 0; i < z.n; i++) {
            if (z.a[i] > 0) {
                logSum += rows[i] * (z.alpha[i] - z.la[i]);
            }
            total += rows[i];
            rowErr += Math.abs(rows[i] - z.a[i]);
            sa += z.a[i];
        }
        double colErr = 0;
        double sb = 0;
        for (int j = 0; j < z.m; j++) {
            if (z.b[j] > 0) {
                logSum += cols[j] * (z.beta[j] - z.lb[j]);
            }
            colErr += Math.abs(cols[j] - z.b[j]);
            sb += z.b[j];
        }
        double kl = logSum - total + sa * sb;
        return new EntropicResult(new EntropicPlan(z.c, z.n, z.m, epsilon, z.alpha.clone(), z.beta.clone()),
                potentials(z, epsilon), transport, transport + epsilon * kl, epsilon, iterations, rowErr + colErr);
    }

    /** The result from the log-scalings α, β (after a break on a rebuild), by {@link EntropicTransport}'s sums. */
    static EntropicResult fromLog(ScalingSinkhorn z, double epsilon, int iterations) {
        Potentials p = potentials(z, epsilon);
        double[] u = new double[z.n];
        double[] v = new double[z.m];
        for (int i = 0; i < z.n; i++) {
            u[i] = p.u(i) / epsilon;
        }
        for (int j = 0; j < z.m; j++) {
            v[j] = p.v(j) / epsilon;
        }
        return EntropicTransport.finish(z.a, z.b, z.la, z.lb, z.c, u, v, epsilon, iterations);
    }

    /**
     * f = ε(α − log a), g = ε(β − log b); where a weight is zero, the potential its row (column) update would give,
     * −ε log Σ exp(β<sub>j</sub> − C<sub>ij</sub>/ε) (and the same for columns), so that it is finite.
     */
    private static Potentials potentials(ScalingSinkhorn z, double epsilon) {
        double[] f = new double[z.n];
        double[] g = new double[z.m];
        for (int i = 0; i < z.n; i++) {
            if (z.a[i] > 0) {
                f[i] = epsilon * (z.alpha[i] - z.la[i]);
                continue;
            }
            f[i] = -epsilon * LogKernel.rowLseAt(z.c, z.m, i, 1 / epsilon, z.beta);
        }
        for (int j = 0; j < z.m; j++) {
            if (z.b[j] > 0) {
                g[j] = epsilon * (z.beta[j] - z.lb[j]);
                continue;
            }
            g[j] = -epsilon * LogKernel.colLseAt(z.c, z.n, z.m, j, 1 / epsilon, z.alpha);
        }
        return new Potentials(f, g);
    }
}
