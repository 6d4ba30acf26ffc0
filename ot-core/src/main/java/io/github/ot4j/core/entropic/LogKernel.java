package io.github.ot4j.core.entropic;

/**
 * The two log-sum-exp sweeps every log-domain Sinkhorn iteration is made of, over a dense row-major n × m cost
 * matrix c, with the max trick (each sum is taken relative to its largest term, so nothing overflows and the
 * largest term is exactly 1). Plain {@code double[]} loops: the max and the subtraction vectorise, the
 * exponentials are the cost (n·m per sweep). Weights of −∞ (zero mass) drop out.
 */
final class LogKernel {

    private LogKernel() {
    }

    /**
     * out<sub>i</sub> = log Σ<sub>j</sub> exp(w<sub>j</sub> − c<sub>ij</sub>·ie) for every row i.
     *
     * @return the same {@code out}
     */
    static double[] rowLse(double[] c, int n, int m, double ie, double[] w, double[] out) {
        for (int i = 0; i < n; i++) {
            int base = i * m;
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                mx = Math.max(mx, w[j] - c[base + j] * ie);
            }
            if (mx == Double.NEGATIVE_INFINITY) {
                out[i] = mx;
                continue;
            }
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Math.exp(w[j] - c[base + j] * ie - mx);
            }
            out[i] = mx + Math.log(s);
        }
        return out;
    }

    /**
     * out<sub>j</sub> = log Σ<sub>i</sub> exp(w<sub>i</sub> − c<sub>ij</sub>·ie) for every column j, by row-wise
     * sweeps (contiguous memory); {@code max} and {@code sum} are scratch arrays of length m.
     *
     * @return the same {@code out}
     */
    static double[] colLse(double[] c, int n, int m, double ie, double[] w, double[] out, double[] max,
            double[] sum) {
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(sum, 0);
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == Double.NEGATIVE_INFINITY) {
                continue;
            }
            int base = i * m;
            for (int j = 0; j < m; j++) {
                max[j] = Math.max(max[j], wi - c[base + j] * ie);
            }
        }
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == Double.NEGATIVE_INFINITY) {
                continue;
            }
            int base = i * m;
            for (int j = 0; j < m; j++) {
                sum[j] += Math.exp(wi - c[base + j] * ie - max[j]);
            }
        }
        for (int j = 0; j < m; j++) {
            out[j] = max[j] == Double.NEGATIVE_INFINITY ? max[j] : max[j] + Math.log(sum[j]);
        }
        return out;
    }

    /** log of each weight (−∞ for a zero weight). */
    static double[] logs(double[] a) {
        double[] l = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = Math.log(a[i]);
        }
        return l;
    }

    /** log Σ<sub>j</sub> exp(w<sub>j</sub> − c<sub>ij</sub>·ie) for the one row i (max trick). */
    static double rowLseAt(double[] c, int m, int i, double ie, double[] w) {
        int base = i * m;
        double mx = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            mx = Math.max(mx, w[j] - c[base + j] * ie);
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += Math.exp(w[j] - c[base + j] * ie - mx);
        }
        return mx + Math.log(sum);
    }

    /** log Σ<sub>i</sub> exp(w<sub>i</sub> − c<sub>ij</sub>·ie) for the one column j (max trick, strided). */
    static double colLseAt(double[] c, int n, int m, int j, double ie, double[] w) {
        double mx = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            mx = Math.max(mx, w[i] - c[i * m + j] * ie);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(w[i] - c[i * m + j] * ie - mx);
        }
        return mx + Math.log(sum);
    }
}
