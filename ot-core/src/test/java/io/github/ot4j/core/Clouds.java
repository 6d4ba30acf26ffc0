package io.github.ot4j.core;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random point clouds and the 1-D closed form, for tests. */
public final class Clouds {

    private Clouds() {
    }

    /**
     * n points with independent N(mean, 1) coordinates.
     *
     * @param random the seeded generator
     * @param n      the number of points
     * @param d      the dimension
     * @param mean   the mean of every coordinate
     * @return n × d points
     */
    public static double[][] gaussian(SplittableRandom random, int n, int d, double mean) {
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = mean + gauss(random);
            }
        }
        return p;
    }

    /**
     * n positive weights (some exactly zero when {@code zeros}) normalised to sum 1.
     *
     * @param random the seeded generator
     * @param n      the number of weights
     * @param zeros  whether to zero about a quarter of them (never all)
     * @return the weights
     */
    public static double[] weights(SplittableRandom random, int n, boolean zeros) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = zeros && i > 0 && random.nextInt(4) == 0 ? 0 : 0.05 + random.nextDouble();
        }
        double s = Arrays.stream(w).sum();
        for (int i = 0; i < n; i++) {
            w[i] /= s;
        }
        return w;
    }

    /**
     * A standard normal deviate (Box–Muller).
     *
     * @param random the seeded generator
     * @return a N(0, 1) sample
     */
    public static double gauss(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * The 1-D optimal cost ∫<sub>0</sub><sup>1</sup> |F<sup>-1</sup>(s) − G<sup>-1</sup>(s)|<sup>p</sup> ds
     * between two weighted point sets on the line (quantile coupling), normalised weights. Independent of any
     * LP solver: it walks the two sorted cumulative distributions.
     *
     * @param x points of the first measure
     * @param a weights of the first measure (sum 1)
     * @param y points of the second measure
     * @param b weights of the second measure (sum 1)
     * @param p the power of |x − y|, p ≥ 1
     * @return the optimal transport cost
     */
    public static double quantileCost(double[] x, double[] a, double[] y, double[] b, double p) {
        Integer[] ix = order(x);
        Integer[] iy = order(y);
        int i = 0;
        int j = 0;
        double ra = a[ix[0]];
        double rb = b[iy[0]];
        double total = 0;
        while (i < x.length && j < y.length) {
            double moved = Math.min(ra, rb);
            total += moved * Math.pow(Math.abs(x[ix[i]] - y[iy[j]]), p);
            ra -= moved;
            rb -= moved;
            if (ra <= 1e-15 && i < x.length) {
                i++;
                ra = i < x.length ? a[ix[i]] + ra : 0;
            }
            if (rb <= 1e-15 && j < y.length) {
                j++;
                rb = j < y.length ? b[iy[j]] + rb : 0;
            }
        }
        return total;
    }

    private static Integer[] order(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (s, t) -> Double.compare(v[s], v[t]));
        return idx;
    }

    /**
     * The first coordinate of each point.
     *
     * @param points n × d points
     * @return the n first coordinates
     */
    public static double[] column(double[][] points) {
        double[] c = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            c[i] = points[i][0];
        }
        return c;
    }
}
