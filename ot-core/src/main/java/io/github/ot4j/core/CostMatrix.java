package io.github.ot4j.core;

import io.github.ot4j.core.internal.Checks;

/**
 * The n × m ground-cost matrix C with C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>) of a transport
 * problem. Either dense (given by the user, {@link #of(double[][])}) or computed from two point sets on
 * demand ({@link #between(DiscreteMeasure, DiscreteMeasure, GroundCost)}), so that large problems need no
 * n·m doubles of memory.
 *
 * <p>Contract: {@link #get(int, int)} is pure, thread-safe and returns a finite value; implementations
 * are immutable.
 */
public interface CostMatrix {

    /** @return the number of rows n (source points) */
    int rows();

    /** @return the number of columns m (target points) */
    int cols();

    /**
     * @param i the row, 0 ≤ i &lt; n
     * @param j the column, 0 ≤ j &lt; m
     * @return C<sub>ij</sub>
     */
    double get(int i, int j);

    /**
     * A dense matrix copied from {@code cost}.
     *
     * @param cost an n × m rectangular array of finite values, n, m ≥ 1
     * @return the cost matrix
     * @throws IllegalArgumentException for an empty or ragged array, or a NaN or infinite entry
     */
    static CostMatrix of(double[][] cost) {
        return DenseCostMatrix.copyOf(Checks.finiteMatrix("cost", cost, -1));
    }

    /**
     * The costs C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>) between the points of two measures,
     * computed when asked for (no n × m storage). Use {@link #dense()} to compute them once.
     *
     * @param mu   the source points x<sub>i</sub>
     * @param nu   the target points y<sub>j</sub>, of the same dimension
     * @param cost the ground cost
     * @return the lazily computed cost matrix
     */
    static CostMatrix between(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        return new PointCostMatrix(mu, nu, cost);
    }

    /**
     * The same costs, all computed now and stored (8·n·m bytes). Useful when they are read many times.
     *
     * @return a dense cost matrix equal to this one
     */
    default CostMatrix dense() {
        return DenseCostMatrix.copyOf(Checks.finiteMatrix("cost", toArray(), -1));
    }

    /** @return a new n × m array holding the costs */
    default double[][] toArray() {
        double[][] c = new double[rows()][cols()];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = get(i, j);
            }
        }
        return c;
    }
}
