package io.github.ot4j.core.entropic;

/**
 * The two loops of a pass over a dense kernel stored as row arrays K<sub>i·</sub> (the scaling-domain Sinkhorn
 * and unbalanced iterations), four rows at a time so that each element of the vector is loaded once for the four:
 * the row sums (Kx)<sub>i</sub> and the column update w += Σ<sub>r</sub> s<sub>r</sub> K<sub>i+r,·</sub>. Rows are
 * separate arrays because Java 17's C2 vectorises a loop over separate rows but not one that reads a flat array at
 * two offsets. Every sum runs over the columns in order, so the results do not depend on who calls.
 */
final class KernelRows {

    private KernelRows() {
    }

    /**
     * out[r] = Σ<sub>j&lt;m</sub> K<sub>i+r, j</sub> x<sub>j</sub> for r = 0…3, each summed in column order.
     *
     * @param k   the kernel rows, at least i + 4 of them, each of length ≥ m
     * @param i   the first of the four rows
     * @param x   the vector, length ≥ m
     * @param m   the columns
     * @param out the four sums, written
     */
    static void dots4(double[][] k, int i, double[] x, int m, double[] out) {
        double[] k0 = k[i];
        double[] k1 = k[i + 1];
        double[] k2 = k[i + 2];
        double[] k3 = k[i + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int j = 0; j < m; j++) {
            double xj = x[j];
            s0 += k0[j] * xj;
            s1 += k1[j] * xj;
            s2 += k2[j] * xj;
            s3 += k3[j] * xj;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    /**
     * w<sub>j</sub> += s<sub>0</sub> K<sub>i, j</sub> + s<sub>1</sub> K<sub>i+1, j</sub> + s<sub>2</sub>
     * K<sub>i+2, j</sub> + s<sub>3</sub> K<sub>i+3, j</sub> for j &lt; m (a loop C2 vectorises).
     *
     * @param k the kernel rows, at least i + 4 of them, each of length ≥ m
     * @param i the first of the four rows
     * @param s the four weights s<sub>0</sub>…s<sub>3</sub>
     * @param w the column sums, updated, length ≥ m
     * @param m the columns
     */
    static void addRows4(double[][] k, int i, double[] s, double[] w, int m) {
        double[] k0 = k[i];
        double[] k1 = k[i + 1];
        double[] k2 = k[i + 2];
        double[] k3 = k[i + 3];
        double s0 = s[0];
        double s1 = s[1];
        double s2 = s[2];
        double s3 = s[3];
        for (int j = 0; j < m; j++) {
            w[j] += s0 * k0[j] + s1 * k1[j] + s2 * k2[j] + s3 * k3[j];
        }
    }
}
