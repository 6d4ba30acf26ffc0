package io.github.ot4j.core;

/** Costs computed on demand from two point sets (package-private; see {@link CostMatrix#between}). */
final class PointCostMatrix implements CostMatrix {

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
        this.x = mu.rowsUnsafe();
        this.y = nu.rowsUnsafe();
        this.cost = cost;
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
