package io.github.ot4j.core.internal;

/**
 * A dot product Σ x<sub>k</sub>·y<sub>k</sub> accumulated with error-free transformations (Ogita, Rump and Oishi's
 * Dot2, "Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005): each product is split exactly by
 * {@link Math#fma} and each sum by TwoSum, and the errors are summed on the side, so that the result is as
 * accurate as if computed in twice the working precision and then rounded. {@link #errorBound()} bounds
 * |{@link #value()} − exact| rigorously: 2·(ε·|value| + γ<sub>N</sub>²·Σ|x<sub>k</sub>y<sub>k</sub>|) +
 * 4N·2<sup>−1074</sup>, with ε = 2<sup>−53</sup>, γ<sub>N</sub> = Nε / (1 − Nε) and the last term for products
 * that underflow (where fma's split is no longer exact). The factor 2 covers the rounding of the bound itself.
 *
 * <p>Multiplying every x (or y) by a power of two multiplies value and bound by it exactly, barring over- and
 * underflow. Not thread-safe; one instance per sum.
 */
public final class CompensatedDot {

    private static final double EPS = 0x1p-53;

    private double sum;
    private double error;
    private double abs;
    private long terms;

    /**
     * Adds x·y.
     *
     * @param x a factor
     * @param y a factor
     * @return this
     */
    public CompensatedDot add(double x, double y) {
        double p = x * y;
        double pe = Math.fma(x, y, -p);
        double s = sum + p;
        double z = s - sum;
        double se = (sum - (s - z)) + (p - z);
        sum = s;
        error += pe + se;
        abs += Math.abs(p);
        terms++;
        return this;
    }

    /**
     * Adds x (a product x·1).
     *
     * @param x the term
     * @return this
     */
    public CompensatedDot add(double x) {
        return add(x, 1);
    }

    /** @return the dot product, rounded once */
    public double value() {
        return sum + error;
    }

    /** @return a rigorous bound on |value() − exact| (see the class comment) */
    public double errorBound() {
        double n = terms + 1;
        double gamma = n * EPS / (1 - n * EPS);
        return 2 * (EPS * Math.abs(value()) + gamma * gamma * abs * (1 + 4 * n * EPS)) + 4 * n * Double.MIN_VALUE;
    }

    /** @return Σ|x<sub>k</sub>·y<sub>k</sub>| (the products rounded) */
    public double absSum() {
        return abs;
    }

    /**
     * @param x a vector
     * @param y a vector of the same length
     * @return Σ x<sub>k</sub>·y<sub>k</sub> by {@link CompensatedDot}
     */
    public static CompensatedDot of(double[] x, double[] y) {
        CompensatedDot dot = new CompensatedDot();
        for (int k = 0; k < x.length; k++) {
            dot.add(x[k], y[k]);
        }
        return dot;
    }
}
