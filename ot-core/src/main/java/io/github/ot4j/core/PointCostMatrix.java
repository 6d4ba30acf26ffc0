package io.github.ot4j.core;

/**
 * The costs C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>) between the points of two measures, computed on
 * demand (no n × m storage); made by {@link CostMatrix#between(DiscreteMeasure, DiscreteMeasure, GroundCost)}.
 * Its parts are visible so that solvers can exploit their structure: a dedicated cost loop over the
 * coordinates, or the closed form for one-dimensional points.
 *
 * <p>Immutable and thread-safe.
 */
public final class PointCostMatrix implements CostMatrix {

    private final DiscreteMeasure source;
    private final DiscreteMeasure target;
    private final double[][] x;
    private final double[][] y;
    private final GroundCost cost;

    PointCostMatrix(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        if (mu == null || nu == null || cost == null) {
            throw new IllegalArgumentException("mu, nu and cost must not be null");
        }
        if (mu.dimension() != nu.dimension()) {
            throw new IllegalArgumentException("mu has dimension " + mu.dimension() + " but nu has dimension "
                    + nu.dimension());
        }
        this.source = mu;
        this.target = nu;
        this.x = mu.rowsUnsafe();
        this.y = nu.rowsUnsafe();
        this.cost = cost;
    }

    /** @return the source measure, whose points x<sub>i</sub> index the rows */
    public DiscreteMeasure source() {
        return source;
    }

    /** @return the target measure, whose points y<sub>j</sub> index the columns */
    public DiscreteMeasure target() {
        return target;
    }

    /** @return the ground cost c */
    public GroundCost groundCost() {
        return cost;
    }

    @Override
    public int rows() {
        return x.length;
    }

    @Override
    public int cols() {
        return y.length;
    }

    @Override
    public double get(int i, int j) {
        double c = cost.between(x[i], y[j]);
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("cost between x[" + i + "] and y[" + j + "] must be finite but is " + c);
        }
        return c;
    }
}
