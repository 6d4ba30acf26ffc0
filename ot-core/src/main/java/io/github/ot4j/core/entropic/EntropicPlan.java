package io.github.ot4j.core.entropic;

/**
 * An entropic transport plan in kernel form, P<sub>ij</sub> = exp(α<sub>i</sub> + β<sub>j</sub> −
 * C<sub>ij</sub>/ε), held as the two log-scalings α, β, ε and the cost matrix, so that it costs no more memory
 * than the costs; {@link #get(int, int)} gives one entry, {@link #toArray()} the dense n × m matrix.
 *
 * <p>Immutable and thread-safe: the arrays are never modified after construction and never handed out.
 */
public final class EntropicPlan {

    private final double[] cost;
    private final int n;
    private final int m;
    private final double epsilon;
    private final double[] alpha;
    private final double[] beta;

    EntropicPlan(double[] cost, int n, int m, double epsilon, double[] alpha, double[] beta) {
        this.cost = cost;
        this.n = n;
        this.m = m;
        this.epsilon = epsilon;
        this.alpha = alpha;
        this.beta = beta;
    }

    /** @return the number of rows n */
    public int rows() {
        return n;
    }

    /** @return the number of columns m */
    public int cols() {
        return m;
    }

    /**
     * @param i the row, 0 ≤ i &lt; n
     * @param j the column, 0 ≤ j &lt; m
     * @return P<sub>ij</sub> ≥ 0, the mass moved from x<sub>i</sub> to y<sub>j</sub>
     */
    public double get(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= m) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + n + " x " + m);
        }
        return Math.exp(alpha[i] + beta[j] - cost[i * m + j] / epsilon);
    }

    /** @return a new dense n × m array holding the plan */
    public double[][] toArray() {
        double[][] p = new double[n][m];
        double ie = 1 / epsilon;
        for (int i = 0; i < n; i++) {
            int base = i * m;
            for (int j = 0; j < m; j++) {
                p[i][j] = Math.exp(alpha[i] + beta[j] - cost[base + j] * ie);
            }
        }
        return p;
    }

    /** @return the row sums P1 (the plan's source marginal) */
    public double[] rowSums() {
        double[] r = new double[n];
        double ie = 1 / epsilon;
        for (int i = 0; i < n; i++) {
            int base = i * m;
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Math.exp(alpha[i] + beta[j] - cost[base + j] * ie);
            }
            r[i] = s;
        }
        return r;
    }

    /** @return the column sums P<sup>T</sup>1 (the plan's target marginal) */
    public double[] columnSums() {
        double[] s = new double[m];
        double ie = 1 / epsilon;
        for (int i = 0; i < n; i++) {
            int base = i * m;
            for (int j = 0; j < m; j++) {
                s[j] += Math.exp(alpha[i] + beta[j] - cost[base + j] * ie);
            }
        }
        return s;
    }

    /** @return the total mass Σ P<sub>ij</sub> */
    public double mass() {
        double s = 0;
        for (double r : rowSums()) {
            s += r;
        }
        return s;
    }

    @Override
    public String toString() {
        return "EntropicPlan[" + n + " x " + m + ", eps=" + epsilon + "]";
    }
}
