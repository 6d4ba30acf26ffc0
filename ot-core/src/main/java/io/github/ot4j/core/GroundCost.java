package io.github.ot4j.core;

import java.util.Locale;

/**
 * A ground cost c(x, y) ≥ 0 between two points of R<sup>d</sup>: the price of moving one unit of mass
 * from x to y. A strategy: the built-in costs are {@link MinkowskiCost}s, and any other function can be
 * supplied as a lambda.
 *
 * <p>Contract: {@link #between(double[], double[])} is pure and thread-safe, returns a finite value
 * ≥ 0 for finite input of equal length, and is called with arrays it must not modify. With a metric cost
 * (such as {@link #euclidean()}) the optimal transport value is the Wasserstein-1 distance.
 */
@FunctionalInterface
public interface GroundCost {

    /**
     * The cost of moving a unit of mass from {@code x} to {@code y}.
     *
     * @param x a point, length d
     * @param y a point, length d
     * @return c(x, y) in the units of the coordinates (raised to the cost's power, if any)
     */
    double between(double[] x, double[] y);

    /**
     * The Euclidean distance c(x, y) = ‖x − y‖<sub>2</sub>: with it, the optimal transport value is
     * W<sub>1</sub>, the Earth Mover's distance. Use this if you are not sure what you need.
     *
     * @return the Euclidean cost
     */
    static GroundCost euclidean() {
        return MinkowskiCost.EUCLIDEAN;
    }

    /**
     * The L1 (Manhattan, city-block) distance c(x, y) = Σ<sub>k</sub> |x<sub>k</sub> − y<sub>k</sub>|,
     * the cost of the WGAN-TS paper.
     *
     * @return the L1 cost
     */
    static GroundCost cityblock() {
        return MinkowskiCost.CITYBLOCK;
    }

    /**
     * The squared Euclidean distance c(x, y) = ‖x − y‖<sub>2</sub><sup>2</sup>; the optimal value is
     * W<sub>2</sub><sup>2</sup>.
     *
     * @return the squared Euclidean cost
     */
    static GroundCost squaredEuclidean() {
        return MinkowskiCost.SQUARED_EUCLIDEAN;
    }

    /**
     * The L<sub>p</sub> distance c(x, y) = (Σ<sub>k</sub> |x<sub>k</sub> − y<sub>k</sub>|<sup>p</sup>)<sup>1/p</sup>.
     *
     * @param p the exponent, 1 ≤ p ≤ ∞ ({@code Double.POSITIVE_INFINITY} gives the maximum norm)
     * @return the L<sub>p</sub> cost
     */
    static GroundCost minkowski(double p) {
        return new MinkowskiCost(p, 1);
    }

    /**
     * A built-in cost by its name, as used by SciPy's {@code cdist} and POT's {@code ot.dist}:
     * {@code euclidean} (also {@code l2}), {@code cityblock} (also {@code l1}, {@code manhattan}),
     * {@code sqeuclidean}, {@code chebyshev} (the maximum norm, also {@code linf}), or {@code minkowski:P}
     * for the L<sub>P</sub> distance, where P is a number ≥ 1 or {@code inf} (also {@code infinity}) for
     * the maximum norm. Case and surrounding blanks are ignored.
     *
     * @param name the cost's name
     * @return the cost
     * @throws IllegalArgumentException if the name is null or unknown, or its exponent is not a number ≥ 1
     */
    static GroundCost named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "euclidean":
            case "l2":
                return euclidean();
            case "cityblock":
            case "l1":
            case "manhattan":
                return cityblock();
            case "sqeuclidean":
                return squaredEuclidean();
            case "chebyshev":
            case "linf":
                return minkowski(Double.POSITIVE_INFINITY);
            default:
                if (key.startsWith("minkowski:")) {
                    return minkowski(exponent(name, key.substring("minkowski:".length()).trim()));
                }
                throw new IllegalArgumentException("name must be one of euclidean, cityblock, sqeuclidean, "
                        + "chebyshev, minkowski:P but is '" + name + "'");
        }
    }

    private static double exponent(String name, String p) {
        if (p.equals("inf") || p.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        double value;
        try {
            value = Double.parseDouble(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("name has no valid exponent: '" + name + "'", e);
        }
        if (!(value >= 1)) {
            throw new IllegalArgumentException("name's exponent must be >= 1 or inf but is '" + name + "'");
        }
        return value;
    }
}
