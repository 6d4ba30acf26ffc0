package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.PointCostMatrix;

/**
 * Bounding boxes of the consecutive index blocks [b·size, (b + 1)·size) of a point set, and bounds on a
 * Minkowski cost c(x, y) = ‖x − y‖<sub>p</sub><sup>power</sup> between two boxes: with the per-coordinate gaps
 * g<sub>k</sub> = max(0, lo′<sub>k</sub> − hi<sub>k</sub>, lo<sub>k</sub> − hi′<sub>k</sub>) and spans
 * s<sub>k</sub> = max(hi′<sub>k</sub> − lo<sub>k</sub>, hi<sub>k</sub> − lo′<sub>k</sub>), every pair of points
 * of the two boxes has ‖g‖<sub>p</sub><sup>power</sup> ≤ c ≤ ‖s‖<sub>p</sub><sup>power</sup> (the cost grows with
 * each |x<sub>k</sub> − y<sub>k</sub>|). The lower bound is shrunk by a relative 10<sup>−12</sup> so that it stays
 * below every cost as the kernel rounds it. After a spatial sort ({@link SpatialOrder}) the blocks are compact,
 * and a pass over all pairs can skip the blocks whose bound proves that no pair in them matters.
 *
 * @param size points per block
 * @param d    dimension
 * @param lo   lower corners, block-major (blocks × d)
 * @param hi   upper corners
 */
record BlockBounds(int size, int d, double[] lo, double[] hi) {

    /** The relative margin of the bounds. */
    static final double MARGIN = 1e-12;

    /** @return the number of blocks */
    int blocks() {
        return lo.length / d;
    }

    static BlockBounds of(DiscreteMeasure points, int size) {
        int n = points.size();
        int d = points.dimension();
        int blocks = (n + size - 1) / size;
        double[] lo = new double[blocks * d];
        double[] hi = new double[blocks * d];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < d; k++) {
                double l = Double.POSITIVE_INFINITY;
                double h = Double.NEGATIVE_INFINITY;
                for (int i = b * size; i < Math.min(n, (b + 1) * size); i++) {
                    double x = points.coordinate(i, k);
                    l = Math.min(l, x);
                    h = Math.max(h, x);
                }
                lo[b * d + k] = l;
                hi[b * d + k] = h;
            }
        }
        return new BlockBounds(size, d, lo, hi);
    }

    /** The Minkowski cost of a point-based matrix, or null when the bounds do not apply. */
    static MinkowskiCost minkowski(CostMatrix cost) {
        return cost instanceof PointCostMatrix p && p.groundCost() instanceof MinkowskiCost c ? c : null;
    }

    /**
     * @param c     the cost
     * @param a     the first side's boxes
     * @param ba    a block of the first side
     * @param b     the second side's boxes
     * @param bb    a block of the second side
     * @param upper the upper bound instead of the lower
     * @return a bound on c(x, y) for x in block ba and y in block bb
     */
    static double bound(MinkowskiCost c, BlockBounds a, int ba, BlockBounds b, int bb, boolean upper) {
        int d = a.d;
        double p = c.p();
        double acc = 0;
        for (int k = 0; k < d; k++) {
            double alo = a.lo[ba * d + k];
            double ahi = a.hi[ba * d + k];
            double blo = b.lo[bb * d + k];
            double bhi = b.hi[bb * d + k];
            double g = upper ? Math.max(bhi - alo, ahi - blo) : Math.max(0, Math.max(blo - ahi, alo - bhi));
            if (p == 2) {
                acc += g * g;
            } else if (p == 1) {
                acc += g;
            } else if (Double.isInfinite(p)) {
                acc = Math.max(acc, g);
            } else {
                acc += Math.pow(g, p);
            }
        }
        double norm = p == 2 ? Math.sqrt(acc) : p == 1 || Double.isInfinite(p) ? acc : Math.pow(acc, 1 / p);
        double value = c.power() == 1 ? norm : c.power() == 2 ? norm * norm : Math.pow(norm, c.power());
        return upper ? value * (1 + MARGIN) : value * (1 - MARGIN);
    }
}
