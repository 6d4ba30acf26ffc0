package io.github.ot4j.core.lp;

/**
 * Approximate dual potentials from a few entropic (Sinkhorn) iterations, used only to choose the first
 * columns of column generation; exactness comes from the LP afterwards.
 *
 * <p>In the log domain, with ε &gt; 0 and zero-weight points left out of the sums,
 * <pre>
 *   f_i ← −ε log Σ_j b_j exp((g_j − C_ij) / ε),
 *   g_j ← −ε log Σ_i a_i exp((f_i − C_ij) / ε),
 * </pre>
 * which converge to the entropic potentials; these are within about ε·log(n·m) of optimal transport
 * potentials, so C<sub>ij</sub> − f<sub>i</sub> − g<sub>j</sub> is small on the optimal plan's support.
 */
final class SinkhornStart {

    private SinkhornStart() {
    }

    /**
     * @param cost       the costs, row-major, n × m
     * @param a          source weights
     * @param b          target weights
     * @param epsilon    the entropic regularisation, in cost units, &gt; 0
     * @param iterations the number of (f, g) update pairs
     * @return {f, g}
     */
    static double[][] potentials(double[] cost, double[] a, double[] b, double epsilon, int iterations) {
        int n = a.length;
        int m = b.length;
        double[] logA = logs(a);
        double[] logB = logs(b);
        double[] f = new double[n];
        double[] g = new double[m];
        double[] terms = new double[Math.max(n, m)];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < n; i++) {
                int base = i * m;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    terms[j] = logB[j] + (g[j] - cost[base + j]) / epsilon;
                    max = Math.max(max, terms[j]);
                }
                f[i] = -epsilon * logSumExp(terms, m, max);
            }
            for (int j = 0; j < m; j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    terms[i] = logA[i] + (f[i] - cost[i * m + j]) / epsilon;
                    max = Math.max(max, terms[i]);
                }
                g[j] = -epsilon * logSumExp(terms, n, max);
            }
        }
        return new double[][] {f, g};
    }

    private static double logSumExp(double[] terms, int count, double max) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            if (terms[k] != Double.NEGATIVE_INFINITY) {
                sum += Math.exp(terms[k] - max);
            }
        }
        return max + Math.log(sum);
    }

    private static double[] logs(double[] w) {
        double[] l = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            l[k] = w[k] > 0 ? Math.log(w[k]) : Double.NEGATIVE_INFINITY;
        }
        return l;
    }
}
