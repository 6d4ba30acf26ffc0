package io.github.ot4j.core;

import io.github.ot4j.core.internal.Checks;

import java.util.Arrays;

/**
 * A discrete measure μ = Σ<sub>i</sub> a<sub>i</sub> δ(x<sub>i</sub>): n points x<sub>i</sub> in
 * R<sup>d</sup> with non-negative weights a<sub>i</sub>.
 *
 * <p>Immutable: the factories copy their arguments and the accessors return copies. Weights need not sum
 * to one, but two measures transported onto each other must have the same total mass (see
 * {@link TransportProblem#MASS_TOLERANCE}). Zero weights and duplicate points are allowed.
 *
 * <p>Floating point: every coordinate and weight must be finite; NaN and infinities are rejected with an
 * {@link IllegalArgumentException} naming the argument, the index and the value.
 */
public final class DiscreteMeasure {

    private final double[][] points;
    private final double[] weights;

    private DiscreteMeasure(double[][] points, double[] weights) {
        this.points = points;
        this.weights = weights;
    }

    /**
     * The uniform measure (1/n) Σ δ(x<sub>i</sub>) on the given points.
     *
     * @param points n × d coordinates, n ≥ 1, d ≥ 1, all finite
     * @return the measure with weights 1/n
     */
    public static DiscreteMeasure uniform(double[][] points) {
        Checks.finiteMatrix("points", points, -1);
        double[] weights = new double[points.length];
        Arrays.fill(weights, 1.0 / points.length);
        return new DiscreteMeasure(Checks.copy(points), weights);
    }

    /**
     * The measure Σ a<sub>i</sub> δ(x<sub>i</sub>).
     *
     * @param points  n × d coordinates, n ≥ 1, d ≥ 1, all finite
     * @param weights n finite weights a<sub>i</sub> ≥ 0 with a positive sum
     * @return the measure
     */
    public static DiscreteMeasure of(double[][] points, double[] weights) {
        Checks.finiteMatrix("points", points, -1);
        double[] a = Weights.check("weights", weights);
        if (a.length != points.length) {
            throw new IllegalArgumentException("weights has length " + a.length + " but points has "
                    + points.length + " rows");
        }
        return new DiscreteMeasure(Checks.copy(points), a.clone());
    }

    /** @return the number of points n */
    public int size() {
        return points.length;
    }

    /** @return the dimension d of the points */
    public int dimension() {
        return points[0].length;
    }

    /**
     * @param i the point's index, 0 ≤ i &lt; n
     * @return a copy of the coordinates of x<sub>i</sub>
     */
    public double[] point(int i) {
        return points[i].clone();
    }

    /**
     * @param i the point's index, 0 ≤ i &lt; n
     * @param k the coordinate's index, 0 ≤ k &lt; d
     * @return the k-th coordinate of x<sub>i</sub>
     */
    public double coordinate(int i, int k) {
        return points[i][k];
    }

    /**
     * @param i the point's index, 0 ≤ i &lt; n
     * @return the weight a<sub>i</sub>
     */
    public double weight(int i) {
        return weights[i];
    }

    /** @return a copy of the weights a */
    public double[] weights() {
        return weights.clone();
    }

    /** @return a copy of the n × d coordinates */
    public double[][] points() {
        return Checks.copy(points);
    }

    /** @return the total mass Σ a<sub>i</sub> */
    public double totalMass() {
        return Weights.sum(weights);
    }

    /**
     * Shares the internal rows without copying, for the cost functions of this package.
     *
     * @return the coordinates, not to be modified
     */
    double[][] rowsUnsafe() {
        return points;
    }

    @Override
    public String toString() {
        return "DiscreteMeasure[n=" + size() + ", d=" + dimension() + ", mass=" + totalMass() + "]";
    }
}
