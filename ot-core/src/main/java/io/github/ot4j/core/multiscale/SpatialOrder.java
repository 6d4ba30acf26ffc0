package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;

import java.util.Arrays;

/**
 * A point-based problem with both sides reordered along a k-d tree (split at the median of the widest coordinate,
 * recursively, down to {@link #LEAF} points), so that consecutive indices are near in space: the blocks of
 * {@link BlockBounds} are then small boxes, and the coarse levels, which keep their sample in index order, stay
 * sorted. The order is a deterministic function of the points; results are mapped back to the original indices.
 *
 * @param problem the reordered problem
 * @param rows    rows[i′] = the original index of reordered source i′
 * @param cols    cols[j′] likewise for the targets
 */
record SpatialOrder(TransportProblem problem, int[] rows, int[] cols) {

    /** Points per leaf, and the alignment of the small halves. */
    static final int LEAF = 16;
    /** The alignment of the large halves: the column blocks of {@link RowScan}. */
    static final int ALIGN = 64;

    /** @return the reordered problem, or null when the costs do not come from points */
    static SpatialOrder of(TransportProblem problem) {
        if (!(problem.cost() instanceof PointCostMatrix p)) {
            return null;
        }
        int[] rows = order(p.source());
        int[] cols = order(p.target());
        DiscreteMeasure mu = permute(p.source(), rows);
        DiscreteMeasure nu = permute(p.target(), cols);
        return new SpatialOrder(TransportProblem.of(mu, nu, p.groundCost()), rows, cols);
    }

    /** The result of the reordered problem as a result of the original one. */
    TransportResult back(TransportProblem original, TransportResult result) {
        TransportPlan plan = result.plan();
        int size = plan.size();
        int[] is = new int[size];
        int[] js = new int[size];
        double[] ms = new double[size];
        for (int k = 0; k < size; k++) {
            is[k] = rows[plan.entry(k).i()];
            js[k] = cols[plan.entry(k).j()];
            ms[k] = plan.entry(k).mass();
        }
        double[] u = new double[rows.length];
        double[] v = new double[cols.length];
        double[] su = result.potentials().u();
        double[] sv = result.potentials().v();
        for (int i = 0; i < rows.length; i++) {
            u[rows[i]] = su[i];
        }
        for (int j = 0; j < cols.length; j++) {
            v[cols[j]] = sv[j];
        }
        return new TransportResult(original, TransportPlan.of(original.n(), original.m(), is, js, ms),
                new Potentials(u, v));
    }

    private static DiscreteMeasure permute(DiscreteMeasure measure, int[] idx) {
        double[][] points = new double[idx.length][];
        double[] weights = new double[idx.length];
        for (int t = 0; t < idx.length; t++) {
            points[t] = measure.point(idx[t]);
            weights[t] = measure.weight(idx[t]);
        }
        return DiscreteMeasure.of(points, weights);
    }

    /** The k-d order of the points. */
    static int[] order(DiscreteMeasure points) {
        int n = points.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        split(points, idx, 0, n, new long[n]);
        return idx;
    }

    private static void split(DiscreteMeasure points, int[] idx, int from, int to, long[] keys) {
        if (to - from <= LEAF) {
            return;
        }
        int d = points.dimension();
        int widest = 0;
        double extent = -1;
        for (int k = 0; k < d; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = from; t < to; t++) {
                double x = points.coordinate(idx[t], k);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (hi - lo > extent) {
                extent = hi - lo;
                widest = k;
            }
        }
        // sort the range by (coordinate as an ordered float, index): a deterministic total order
        for (int t = from; t < to; t++) {
            int bits = Float.floatToIntBits((float) points.coordinate(idx[t], widest));
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[t] = ((long) bits << 32) | (idx[t] & 0xffffffffL);
        }
        Arrays.sort(keys, from, to);
        for (int t = from; t < to; t++) {
            idx[t] = (int) keys[t];
        }
        // halves that end on multiples of the scan blocks' sizes, so that those blocks are subtrees
        int size = to - from;
        int align = size > 2 * ALIGN ? ALIGN : size > 2 * LEAF ? LEAF : 1;
        int mid = from + (size / 2 + align - 1) / align * align;
        split(points, idx, from, mid, keys);
        split(points, idx, mid, to, keys);
    }
}
