package io.github.ot4j.core.entropic;

import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

/**
 * Balanced Sinkhorn with absorption into a stabilised kernel (Schmitzer 2016): the plan is held as
 * P = diag(s) K̃ diag(t) with K̃<sub>ij</sub> = exp(α̂<sub>i</sub> + β̂<sub>j</sub> − C<sub>ij</sub>/ε), so that
 * most iterations are plain scaling iterations — s = a / (K̃t), t = b / (K̃ᵀs), both products in one pass over
 * K̃, no exponential per entry — while the log-scalings α = α̂ + log s, β = β̂ + log t are those of the
 * log-domain iteration. Whenever a scaling would leave [{@value #LOW}, {@value #HIGH}] (or a kernel sum
 * underflows) it is absorbed: α̂, β̂ take the current log-scalings and K̃ is rebuilt by one exact log-domain row
 * update (max trick, rows normalised to the row marginal), so that small ε stays stable; a few underflowing
 * columns are repaired one by one, many by an exact log-domain column update. The stopping rule, the iteration
 * count and the answer are those of {@link EntropicTransport}'s log-domain iteration (each iteration is one row
 * and one column update; the marginal error Σ|(P1)<sub>i</sub> − a<sub>i</sub>| is measured on the row pass).
 *
 * <p>The dense work (kernel build, fused pass, final sums) runs in {@link RowBlocks}: identical results on one
 * thread or several. Memory: the kernel, one n × m array beside the costs. One instance per solve.
 */
final class ScalingSinkhorn {

    /** Scalings outside [LOW, HIGH] are absorbed into the kernel. */
    static final double LOW = 1e-20;
    static final double HIGH = 1e20;

    /** At most this many underflowing columns are repaired one by one; more trigger a log-domain column update. */
    private static final int REPAIR_LIMIT = 8;

    private static final double SCALING_STAGE_TOLERANCE = 1e-3;

    final double[] a;
    final double[] b;
    final double[] la;
    final double[] lb;
    final double[] c;
    final int n;
    final int m;
    final RowBlocks blocks;
    /** The kernel K̃ as row arrays: C2 vectorises the loops over separate rows, not over offsets of one array. */
    final double[][] k;
    final double[] alphaHat;
    final double[] betaHat;
    final double[] alpha;
    final double[] beta;
    double[] s;
    double[] sNew;
    final double[] t;
    final double[] colSum;
    final double[][] acc;
    final double[] errPart;
    final boolean[] badPart;
    final double[] transportPart;
    private double ie;
    private int rebuilds;

    private ScalingSinkhorn(double[] a, double[] b, double[] c, boolean parallel) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.n = a.length;
        this.m = b.length;
        this.la = LogKernel.logs(a);
        this.lb = LogKernel.logs(b);
        this.blocks = RowBlocks.of(n, m, parallel);
        this.k = new double[n][m];
        this.alphaHat = new double[n];
        this.betaHat = new double[m];
        this.alpha = new double[n];
        this.beta = new double[m];
        this.s = new double[n];
        this.sNew = new double[n];
        this.t = new double[m];
        this.colSum = new double[m];
        this.acc = new double[blocks.count()][m];
        this.errPart = new double[blocks.count()];
        this.badPart = new boolean[blocks.count()];
        this.transportPart = new double[blocks.count()];
    }

    /**
     * Solves; arguments checked by the caller.
     *
     * @param parallel whether the dense kernels may use several threads (the results are identical)
     */
    static EntropicResult solve(double[] a, double[] b, double[] c, double epsilon,
            EntropicTransport.Options options, boolean parallel) {
        return new ScalingSinkhorn(a, b, c, parallel).run(epsilon, options);
    }

    /** A solver for one problem (arguments checked by the caller); {@link #run} once. */
    static ScalingSinkhorn of(double[] a, double[] b, double[] c, boolean parallel) {
        return new ScalingSinkhorn(a, b, c, parallel);
    }

    /** @return the kernel rebuilds (absorptions) so far, the first of each ε stage included */
    int rebuilds() {
        return rebuilds;
    }

    EntropicResult run(double epsilon, EntropicTransport.Options options) {
        double[] u = new double[n];
        double[] v = new double[m];
        double mass = 0;
        for (double x : a) {
            mass += x;
        }
        double stageEps = EntropicTransport.firstStage(c, epsilon, options);
        int iterations = 0;
        double err = Double.NaN;
        double previousEps = stageEps;
        boolean kernelForm;
        while (true) {
            boolean last = stageEps <= epsilon;
            double scale = previousEps / stageEps;
            for (int i = 0; i < n; i++) {
                alpha[i] = la[i] + u[i] * scale;
            }
            for (int j = 0; j < m; j++) {
                betaHat[j] = lb[j] + v[j] * scale;
            }
            ie = 1 / stageEps;
            double stageTol = last ? options.tolerance()
                    : Math.max(options.tolerance(), SCALING_STAGE_TOLERANCE * mass);
            boolean pending = true;
            boolean check = false;
            while (true) {
                if (pending) {
                    err = rebuild();
                    pending = false;
                    if (check) {
                        failIfNotFinite(err, iterations, stageEps);
                        if (err <= stageTol) {
                            kernelForm = false; // alpha and betaHat hold the state the error was measured on
                            break;
                        }
                    }
                } else {
                    boolean ok = rowPass();
                    if (check && Double.isFinite(err = sum(errPart)) && err <= stageTol) {
                        kernelForm = true;
                        break;
                    }
                    if (!ok) {
                        absorb();
                        pending = true;
                        continue;
                    }
                    double[] swap = s;
                    s = sNew;
                    sNew = swap;
                }
                if (iterations >= options.maxIterations()) {
                    throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "log-domain Sinkhorn did not "
                            + "reach the marginal error " + options.tolerance() + " in maxIterations = "
                            + options.maxIterations() + " iterations with epsilon = " + epsilon + " (stage epsilon "
                            + stageEps + ", marginal error " + err + "); raise epsilon, the tolerance or "
                            + "maxIterations, or use epsilon scaling");
                }
                pending = columnStep();
                iterations++;
                check = true;
            }
            if (kernelForm) {
                logScalings();
            } else {
                System.arraycopy(betaHat, 0, beta, 0, m); // alpha and betaHat hold the state
            }
            if (last) {
                break;
            }
            for (int i = 0; i < n; i++) {
                u[i] = a[i] > 0 ? alpha[i] - la[i] : 0;
            }
            for (int j = 0; j < m; j++) {
                v[j] = b[j] > 0 ? beta[j] - lb[j] : 0;
            }
            previousEps = stageEps;
            stageEps = Math.max(epsilon, stageEps / 2);
        }
        return kernelForm ? ScalingSinkhornResult.fromKernel(this, epsilon, iterations)
                : ScalingSinkhornResult.fromLog(this, epsilon, iterations);
    }

    private static void failIfNotFinite(double err, int iterations, double eps) {
        if (!Double.isFinite(err)) {
            throw new TransportSolverException(SolverStatus.FAILED, "log-domain Sinkhorn reached a marginal error of "
                    + err + " at iteration " + iterations + " with epsilon = " + eps);
        }
    }

    static double sum(double[] parts) {
        double x = 0;
        for (double p : parts) {
            x += p;
        }
        return x;
    }

    /**
     * The exact log-domain row update from α (the marginal error of the state α, β̂ measured on the way) and a new
     * kernel: K̃<sub>ij</sub> = a<sub>i</sub> exp(β̂<sub>j</sub> − C<sub>ij</sub>/ε − lse<sub>i</sub>), α̂ = log a −
     * lse, s = 1, t = 1; the column sums K̃ᵀs summed on the way. The exponentials by {@link KernelExp}, within 1e-12
     * relative of {@link Math#exp} (n = 1000: a Sinkhorn solve about 10% faster).
     *
     * @return Σ<sub>i</sub> a<sub>i</sub> |expm1(α<sub>i</sub> − α̂<sub>i</sub>)|, the row marginal error of the old state
     */
    private double rebuild() {
        rebuilds++;
        blocks.forEach(this::rebuildBlock);
        RowBlocks.reduce(acc, colSum);
        for (int j = 0; j < m; j++) {
            t[j] = b[j] > 0 ? 1 : 0;
        }
        return sum(errPart);
    }

    private void rebuildBlock(int blk) {
        double[] col = acc[blk];
        java.util.Arrays.fill(col, 0);
        double err = 0;
        double[] bh = betaHat;
        double x = ie;
        double[] row = new double[m]; // the row's exponents, then its kernel entries: one index, loops C2 vectorises
        for (int i = blocks.start(blk), end = blocks.end(blk); i < end; i++) {
            int base = i * m;
            if (a[i] == 0) {
                java.util.Arrays.fill(k[i], 0);
                alphaHat[i] = Double.NEGATIVE_INFINITY;
                s[i] = 0;
                continue;
            }
            System.arraycopy(c, base, row, 0, m);
            for (int j = 0; j < m; j++) {
                row[j] = bh[j] - row[j] * x;
            }
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                mx = Math.max(mx, row[j]);
            }
            for (int j = 0; j < m; j++) {
                row[j] -= mx;
            }
            KernelExp.expNonPositive(row, m); // exponents ≤ 0
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += row[j];
            }
            double scale = a[i] / sum;
            double[] ki = k[i];
            for (int j = 0; j < m; j++) {
                double e = row[j] * scale;
                ki[j] = e;
                col[j] += e;
            }
            alphaHat[i] = la[i] - mx - Math.log(sum);
            err += a[i] * Math.abs(Math.expm1(alpha[i] - alphaHat[i]));
            s[i] = 1;
        }
        errPart[blk] = err;
    }

    /**
     * One fused pass: r = K̃t with the current t, the marginal error Σ|s<sub>i</sub> r<sub>i</sub> − a<sub>i</sub>|
     * into {@code errPart}, sNew = a / r, and K̃ᵀ sNew summed into {@code colSum} while the rows are in cache.
     *
     * @return whether every new scaling lies in [LOW, HIGH]
     */
    private boolean rowPass() {
        blocks.forEach(this::rowPassBlock);
        for (boolean bad : badPart) {
            if (bad) {
                return false;
            }
        }
        RowBlocks.reduce(acc, colSum);
        return true;
    }

    private void rowPassBlock(int blk) {
        double[] col = acc[blk];
        java.util.Arrays.fill(col, 0);
        double err = 0;
        boolean bad = false;
        double[] tt = t;
        double[] so = s;
        double[] sn = sNew;
        int i = blocks.start(blk);
        int end = blocks.end(blk);
        double[] r4 = new double[4];
        double[] s4 = new double[4];
        for (; i + 3 < end; i += 4) {
            KernelRows.dots4(k, i, tt, m, r4);
            for (int q = 0; q < 4; q++) {
                s4[q] = newScaling(i + q, r4[q], so, sn);
            }
            err += rowError(i, r4[0], so) + rowError(i + 1, r4[1], so) + rowError(i + 2, r4[2], so)
                    + rowError(i + 3, r4[3], so);
            if (outside(i, s4[0]) || outside(i + 1, s4[1]) || outside(i + 2, s4[2]) || outside(i + 3, s4[3])) {
                bad = true;
            }
            if (!bad) {
                KernelRows.addRows4(k, i, s4, col, m);
            }
        }
        for (; i < end; i++) {
            double[] ki = k[i];
            double r = 0;
            for (int j = 0; j < m; j++) {
                r += ki[j] * tt[j];
            }
            double si = newScaling(i, r, so, sn);
            err += rowError(i, r, so);
            if (outside(i, si)) {
                bad = true;
            }
            if (!bad) {
                for (int j = 0; j < m; j++) {
                    col[j] += si * ki[j];
                }
            }
        }
        errPart[blk] = err;
        badPart[blk] = bad;
    }

    private double newScaling(int i, double r, double[] so, double[] sn) {
        double x = a[i] > 0 ? a[i] / r : 0;
        sn[i] = x;
        return x;
    }

    private double rowError(int i, double r, double[] so) {
        return a[i] > 0 ? Math.abs(so[i] * r - a[i]) : 0;
    }

    private boolean outside(int i, double x) {
        return a[i] > 0 && !(x >= LOW && x <= HIGH);
    }

    /** α = α̂ + log s, β̂ = β̂ + log t: the state moves into the log-scalings before a rebuild. */
    private void absorb() {
        for (int i = 0; i < n; i++) {
            alpha[i] = a[i] > 0 ? alphaHat[i] + Math.log(s[i]) : Double.NEGATIVE_INFINITY;
        }
        for (int j = 0; j < m; j++) {
            if (b[j] > 0) {
                betaHat[j] += Math.log(t[j]);
            }
        }
    }

    /**
     * t = b / (K̃ᵀs); columns whose scaling leaves [LOW, HIGH] are repaired exactly in the log domain.
     *
     * @return whether a kernel rebuild must precede the next row update (many columns repaired)
     */
    private boolean columnStep() {
        int[] troubled = null;
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (b[j] == 0) {
                t[j] = 0;
                continue;
            }
            double tj = b[j] / colSum[j];
            t[j] = tj;
            if (!(tj >= LOW && tj <= HIGH)) {
                if (troubled == null) {
                    troubled = new int[REPAIR_LIMIT];
                }
                if (count < REPAIR_LIMIT) {
                    troubled[count] = j;
                }
                count++;
            }
        }
        if (count == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            alpha[i] = a[i] > 0 ? alphaHat[i] + Math.log(s[i]) : Double.NEGATIVE_INFINITY;
        }
        if (count <= REPAIR_LIMIT) {
            for (int q = 0; q < count; q++) {
                repairColumn(troubled[q]);
            }
            return false;
        }
        // many: the exact log-domain column update of every column, then a rebuild from the new β
        double[] out = new double[m];
        LogKernel.colLse(c, n, m, ie, alpha, out, new double[m], new double[m]);
        for (int j = 0; j < m; j++) {
            if (b[j] > 0) {
                betaHat[j] = lb[j] - out[j];
            }
        }
        return true;
    }

    /** β<sub>j</sub> = log b<sub>j</sub> − log Σ<sub>i</sub> exp(α<sub>i</sub> − C<sub>ij</sub>/ε), its kernel column anew, t<sub>j</sub> = 1. */
    private void repairColumn(int j) {
        double beta = lb[j] - LogKernel.colLseAt(c, n, m, j, ie, alpha);
        betaHat[j] = beta;
        t[j] = 1;
        for (int i = 0; i < n; i++) {
            k[i][j] = a[i] > 0 ? Math.exp(alphaHat[i] + beta - c[i * m + j] * ie) : 0;
        }
    }

    /** α = α̂ + log s, β = β̂ + log t into {@code alpha} and {@code beta}; the kernel form stays. */
    private void logScalings() {
        for (int i = 0; i < n; i++) {
            alpha[i] = a[i] > 0 ? alphaHat[i] + Math.log(s[i]) : Double.NEGATIVE_INFINITY;
        }
        for (int j = 0; j < m; j++) {
            beta[j] = b[j] > 0 ? betaHat[j] + Math.log(t[j]) : Double.NEGATIVE_INFINITY;
        }
    }
}
