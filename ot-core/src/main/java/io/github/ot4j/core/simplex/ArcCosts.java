package io.github.ot4j.core.simplex;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.PointCostMatrix;

/**
 * The costs C<sub>ij</sub> of the arcs i → j as the network simplex reads them, with a tight loop for its hot
 * spot, the pricing of a run of arcs of one row. Point-based Euclidean, squared Euclidean and L1 costs are
 * computed from flat coordinate arrays by {@link PointDistances}, with the arithmetic of
 * {@link MinkowskiCost#between(double[], double[])} (bit-identical below {@link PointDistances#WIDE} dimensions,
 * within a few ulps above); any other matrix is read through {@link CostMatrix#get(int, int)}.
 *
 * <p>One instance serves one solve (it keeps the position of the last minimum in a field).
 */
abstract class ArcCosts {

    /** Column of the minimum found by the last {@link #rowMin} call whose minimum beat its bound. */
    int argmin;

    /**
     * @param i source index
     * @param j target index
     * @return C<sub>ij</sub>
     */
    abstract double cost(int i, int j);

    /**
     * C<sub>ij</sub> or an approximation of it good to about 1e-7 relative, whichever is cheaper: for heuristics.
     *
     * @param i source index
     * @param j target index
     * @return C<sub>ij</sub>, perhaps rounded
     */
    double roughCost(int i, int j) {
        return cost(i, j);
    }

    /**
     * The smallest reduced cost C<sub>ij</sub> + π<sub>i</sub> − π<sub>off+j</sub> over j0 ≤ j &lt; j1. When it is
     * below {@code bound}, its first column is left in {@link #argmin} (found by a second pass, so that the first
     * one is a plain minimum the JIT can vectorise).
     *
     * @param i     the row
     * @param j0    first column
     * @param j1    end column (exclusive), j1 &gt; j0
     * @param piI   π<sub>i</sub>
     * @param pi    node potentials; target j sits at index {@code off + j}
     * @param off   offset of the targets in {@code pi}
     * @param bound the value the minimum must beat for its column to be wanted
     * @return the smallest reduced cost of the run
     */
    abstract double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound);

    /**
     * The fastest reader for a cost matrix.
     *
     * @param matrix the problem's costs
     * @return arc costs equal to {@code matrix.get(i, j)}
     */
    static ArcCosts of(CostMatrix matrix) {
        if (matrix instanceof PointCostMatrix points && points.groundCost() instanceof MinkowskiCost cost) {
            if (cost.p() == 2 && (cost.power() == 1 || cost.power() == 2)) {
                return new Euclidean(points.source(), points.target(), cost.power() == 2);
            }
            if (cost.p() == 1 && cost.power() == 1) {
                return new Cityblock(points.source(), points.target());
            }
        }
        return new Matrix(matrix);
    }

    /**
     * These costs multiplied by a power of two, 2<sup>k</sup>: exact (barring over- and underflow), so that the
     * scaled costs of 2<sup>j</sup>·C and of C are the same numbers when k differs by −j.
     *
     * @param k the exponent
     * @return the scaled costs, this when k = 0
     */
    abstract ArcCosts scaledBy(int k);

    /**
     * The costs times the power of two s that brings max |C<sub>ij</sub>| into [1, 2) (into [1, 4) for a squared
     * Euclidean cost of points, whose coordinates are scaled by √s), found by one pass over all n·m costs.
     *
     * @param costs the costs
     * @param n     rows
     * @param m     columns
     * @return the normalised costs and s (s = 1 and the costs themselves when every cost is 0 or one is not
     *         finite: the start reports the latter)
     */
    static Normalised normalise(ArcCosts costs, int n, int m) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                max = Math.max(max, Math.abs(costs.cost(i, j)));
            }
        }
        if (max == 0 || !Double.isFinite(max)) {
            return new Normalised(costs, 1);
        }
        int e = -Math.getExponent(max);
        if (costs instanceof Euclidean euclidean && euclidean.squared) {
            int k = Math.floorDiv(e, 2);
            return new Normalised(costs.scaledBy(k), Math.scalb(1.0, 2 * k));
        }
        return new Normalised(costs.scaledBy(e), Math.scalb(1.0, e));
    }

    /**
     * Costs multiplied by an exact power of two.
     *
     * @param costs the scaled costs
     * @param scale the factor they were multiplied by
     */
    record Normalised(ArcCosts costs, double scale) {
    }

    /** Any cost matrix, read entry by entry, times a power of two. */
    static final class Matrix extends ArcCosts {
        private final CostMatrix matrix;
        private final double scale;

        Matrix(CostMatrix matrix) {
            this(matrix, 1);
        }

        private Matrix(CostMatrix matrix, double scale) {
            this.matrix = matrix;
            this.scale = scale;
        }

        @Override
        ArcCosts scaledBy(int k) {
            return k == 0 ? this : new Matrix(matrix, Math.scalb(scale, k));
        }

        @Override
        double cost(int i, int j) {
            return matrix.get(i, j) * scale;
        }

        @Override
        double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            int arg = j0;
            for (int j = j0; j < j1; j++) {
                double r = matrix.get(i, j) * scale + piI - pi[off + j];
                if (r < best) {
                    best = r;
                    arg = j;
                }
            }
            argmin = arg;
            return best;
        }
    }

    /** ‖x − y‖<sub>2</sub> or its square, from flat coordinates. */
    static final class Euclidean extends ArcCosts {
        private final double[] x;
        private final double[] y;
        private final int d;
        private final boolean squared;

        Euclidean(DiscreteMeasure mu, DiscreteMeasure nu, boolean squared) {
            this(PointDistances.flatten(mu), PointDistances.flatten(nu), mu.dimension(), squared);
        }

        private Euclidean(double[] x, double[] y, int d, boolean squared) {
            this.x = x;
            this.y = y;
            this.d = d;
            this.squared = squared;
        }

        /** Coordinates times 2<sup>k</sup>: costs times 2<sup>k</sup>, or 2<sup>2k</sup> when squared. */
        @Override
        ArcCosts scaledBy(int k) {
            return k == 0 ? this
                    : new Euclidean(PointDistances.times(x, k), PointDistances.times(y, k), d, squared);
        }

        @Override
        double cost(int i, int j) {
            double s = PointDistances.squaredDistance(x, i * d, y, j * d, d);
            return squared ? s : Math.sqrt(s);
        }

        @Override
        double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            if (d == 2) {
                return squared ? rowMin2Squared(i, j0, j1, piI, pi, off, bound) : rowMin2(i, j0, j1, piI, pi, off, bound);
            }
            double best = Double.POSITIVE_INFINITY;
            int arg = j0;
            int xi = i * d;
            for (int j = j0; j < j1; j++) {
                double s = PointDistances.squaredDistance(x, xi, y, j * d, d);
                double r = (squared ? s : Math.sqrt(s)) + piI - pi[off + j];
                if (r < best) {
                    best = r;
                    arg = j;
                }
            }
            argmin = arg;
            return best;
        }

        private double rowMin2(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            for (int j = j0; j < j1; j++) {
                double t0 = x0 - y[2 * j];
                double t1 = x1 - y[2 * j + 1];
                best = Math.min(best, Math.sqrt(t0 * t0 + t1 * t1) + piI - pi[off + j]);
            }
            if (best < bound) {
                argmin = j0;
                for (int j = j0; j < j1; j++) {
                    double t0 = x0 - y[2 * j];
                    double t1 = x1 - y[2 * j + 1];
                    if (Math.sqrt(t0 * t0 + t1 * t1) + piI - pi[off + j] == best) {
                        argmin = j;
                        break;
                    }
                }
            }
            return best;
        }

        private double rowMin2Squared(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            for (int j = j0; j < j1; j++) {
                double t0 = x0 - y[2 * j];
                double t1 = x1 - y[2 * j + 1];
                best = Math.min(best, (t0 * t0 + t1 * t1) + piI - pi[off + j]);
            }
            if (best < bound) {
                argmin = j0;
                for (int j = j0; j < j1; j++) {
                    double t0 = x0 - y[2 * j];
                    double t1 = x1 - y[2 * j + 1];
                    if ((t0 * t0 + t1 * t1) + piI - pi[off + j] == best) {
                        argmin = j;
                        break;
                    }
                }
            }
            return best;
        }
    }

    /** ‖x − y‖<sub>1</sub> from flat coordinates. */
    static final class Cityblock extends ArcCosts {
        private final double[] x;
        private final double[] y;
        private final int d;

        Cityblock(DiscreteMeasure mu, DiscreteMeasure nu) {
            this(PointDistances.flatten(mu), PointDistances.flatten(nu), mu.dimension());
        }

        private Cityblock(double[] x, double[] y, int d) {
            this.x = x;
            this.y = y;
            this.d = d;
        }

        /** Coordinates times 2<sup>k</sup>: costs times 2<sup>k</sup>. */
        @Override
        ArcCosts scaledBy(int k) {
            return k == 0 ? this : new Cityblock(PointDistances.times(x, k), PointDistances.times(y, k), d);
        }

        @Override
        double cost(int i, int j) {
            return PointDistances.l1Distance(x, i * d, y, j * d, d);
        }

        @Override
        double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            int arg = j0;
            int xi = i * d;
            for (int j = j0; j < j1; j++) {
                double r = PointDistances.l1Distance(x, xi, y, j * d, d) + piI - pi[off + j];
                if (r < best) {
                    best = r;
                    arg = j;
                }
            }
            argmin = arg;
            return best;
        }
    }

    /** All costs computed once and stored row-major (8·n·m bytes). */
    static final class Dense extends ArcCosts {
        private final double[] values;
        private final int m;

        /** All costs of a point-based matrix, by its blocked kernel (the values of {@link CostMatrix#get}). */
        Dense(PointCostMatrix points) {
            int n = points.rows();
            this.m = points.cols();
            this.values = new double[Math.multiplyExact(n, m)];
            int rows = Math.max(1, Math.min(n, (1 << 16) / m));
            double[] block = new double[rows * m];
            for (int i0 = 0; i0 < n; i0 += rows) {
                int i1 = Math.min(n, i0 + rows);
                points.block(i0, i1, 0, m, block);
                System.arraycopy(block, 0, values, i0 * m, (i1 - i0) * m);
            }
        }

        Dense(ArcCosts costs, int n, int m) {
            this.m = m;
            this.values = new double[Math.multiplyExact(n, m)];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    values[i * m + j] = costs.cost(i, j);
                }
            }
        }

        /**
         * Multiplies every cost by the power of two s that brings max |C<sub>ij</sub>| into [1, 2): exact, so
         * that 2<sup>k</sup>·C normalises to the same costs as C (unless costs spanning more than 2<sup>1074</sup>
         * lose their smallest ones to underflow).
         *
         * @return s (1 when every cost is 0 or one is not finite: the start reports the latter)
         */
        double normalise() {
            double max = 0;
            for (double c : values) {
                max = Math.max(max, Math.abs(c));
            }
            if (max == 0 || !Double.isFinite(max)) {
                return 1;
            }
            double s = Math.scalb(1.0, -Math.getExponent(max));
            if (s != 1) {
                for (int k = 0; k < values.length; k++) {
                    values[k] *= s;
                }
            }
            return s;
        }

        /** Not used: the dense cache normalises in place ({@link #normalise()}). */
        @Override
        ArcCosts scaledBy(int k) {
            throw new UnsupportedOperationException("the dense cache normalises in place");
        }

        @Override
        double cost(int i, int j) {
            return values[i * m + j];
        }

        @Override
        double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            int row = i * m;
            for (int j = j0; j < j1; j++) {
                best = Math.min(best, values[row + j] + piI - pi[off + j]);
            }
            if (best < bound) {
                argmin = j0;
                for (int j = j0; j < j1; j++) {
                    if (values[row + j] + piI - pi[off + j] == best) {
                        argmin = j;
                        break;
                    }
                }
            }
            return best;
        }
    }

    /**
     * Costs rounded to floats (4·n·m bytes) for pricing only: half the memory traffic of doubles. Its reduced
     * costs are off by up to about 6e-8·|C<sub>ij</sub>|, so the solver re-prices every candidate exactly with
     * {@link #cost(int, int)} (the exact costs) and proves optimality with an exact pass.
     */
    static final class FloatDense extends ArcCosts {
        private final ArcCosts exact;
        private final float[] values;
        private final int m;

        FloatDense(ArcCosts exact, int n, int m) {
            this.exact = exact;
            this.m = m;
            this.values = new float[Math.multiplyExact(n, m)];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    values[i * m + j] = (float) exact.cost(i, j);
                }
            }
        }

        /** Not used: build the floats from normalised exact costs. */
        @Override
        ArcCosts scaledBy(int k) {
            throw new UnsupportedOperationException("build the float cache from normalised costs");
        }

        /** @return the exact costs these floats approximate */
        ArcCosts exact() {
            return exact;
        }

        @Override
        double cost(int i, int j) {
            return exact.cost(i, j);
        }

        @Override
        double roughCost(int i, int j) {
            return values[i * m + j];
        }

        @Override
        double rowMin(int i, int j0, int j1, double piI, double[] pi, int off, double bound) {
            double best = Double.POSITIVE_INFINITY;
            int row = i * m;
            for (int j = j0; j < j1; j++) {
                best = Math.min(best, values[row + j] + piI - pi[off + j]);
            }
            if (best < bound) {
                argmin = j0;
                for (int j = j0; j < j1; j++) {
                    if (values[row + j] + piI - pi[off + j] == best) {
                        argmin = j;
                        break;
                    }
                }
            }
            return best;
        }
    }
}
