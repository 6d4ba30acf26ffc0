package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.PointCostMatrix;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Full passes over all n·m pairs of a cost matrix, row chunks in parallel: for every row i, the K columns of
 * smallest key r<sub>ij</sub> = C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> (ties to the column visited first),
 * optionally only those with r<sub>ij</sub> &lt; −{@link SparseNetworkSimplex#EPS}·(|C<sub>ij</sub>| +
 * |u<sub>i</sub>| + |v<sub>j</sub>|) (the dual constraints violated beyond rounding). Each row's answer depends on
 * that row alone, so the result is the same for every thread count. Costs come in blocks from
 * {@link PointCostMatrix#block} when the matrix is point-based, else from {@link CostMatrix#get}.
 *
 * <p>For a point-based Minkowski cost, the columns go in blocks of {@link SpatialOrder#ALIGN} with bounding boxes
 * ({@link BlockBounds}), visited per chunk of 16 rows in order of their lower bound L of C − max v; a block is
 * skipped when L − max<sub>chunk</sub> u exceeds 0 (violated pass: no pair in it can be violated) or exceeds every
 * chunk row's K-th key (no pair can enter), each by a relative margin of 10<sup>−12</sup> that covers rounding.
 * Skipping never changes a violated pass's answer. Memory: n·K entries plus one block per thread.
 */
final class RowScan {

    /** Rows per task. */
    private static final int ROWS = 16;
    /** Columns per cost block. */
    private static final int COLS = 2048;
    /** Columns per cost block where the blocks have bounding boxes ({@link BlockBounds}). */
    private static final int BOXED = SpatialOrder.ALIGN;

    /** The result of a pass: per row i, count[i] columns at cols[i·K …] with their costs at costs[i·K …]. */
    record Result(int k, int[] count, int[] cols, double[] costs, double maxCost, long total) {

        /** Copies the entries into flat arrays (rows, cols, costs) in row order; returns how many. */
        int flatten(int[] rows, int[] cs, double[] cc) {
            int t = 0;
            for (int i = 0; i < count.length; i++) {
                for (int s = 0; s < count[i]; s++) {
                    rows[t] = i;
                    cs[t] = cols[i * k + s];
                    cc[t] = costs[i * k + s];
                    t++;
                }
            }
            return t;
        }
    }

    private RowScan() {
    }

    /**
     * One pass.
     *
     * @param cost     the costs (n × m)
     * @param u        row potentials (length n) or null for 0
     * @param v        column potentials (length m) or null for 0
     * @param k        columns kept per row, ≥ 1
     * @param violated whether to keep only violated constraints (else the k smallest keys whatever their sign)
     * @param pool     the pool whose threads scan the row chunks
     * @return the kept entries and, unless {@code violated}, the largest |C<sub>ij</sub>| of the pass (else 0)
     */
    static Result scan(CostMatrix cost, double[] u, double[] v, int k, boolean violated, ForkJoinPool pool) {
        return scan(cost, u, v, k, violated, Integer.MAX_VALUE, pool);
    }

    /**
     * A pass that, where the costs have box bounds and not {@code violated}, visits per row chunk only the
     * {@code limit} column blocks of smallest bound (the others still count towards the largest cost by their
     * upper bound): an approximate K-nearest search, for candidates that later pricing passes complete.
     */
    static Result scan(CostMatrix cost, double[] u, double[] v, int k, boolean violated, int limit,
                       ForkJoinPool pool) {
        int n = cost.rows();
        int m = cost.cols();
        int[] count = new int[n];
        int[] cols = new int[Math.multiplyExact(n, k)];
        double[] costs = new double[n * k];
        int chunks = (n + ROWS - 1) / ROWS;
        double[] maxCost = new double[chunks];
        MinkowskiCost metric = BlockBounds.minkowski(cost);
        BlockBounds rowBoxes = metric == null ? null : BlockBounds.of(((PointCostMatrix) cost).source(), ROWS);
        BlockBounds colBoxes = metric == null ? null : BlockBounds.of(((PointCostMatrix) cost).target(), BOXED);
        int width = metric == null ? COLS : BOXED;
        int blocks = (m + width - 1) / width;
        double[] maxV = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double w = Double.NEGATIVE_INFINITY;
            for (int j = b * width; j < Math.min(m, (b + 1) * width); j++) {
                w = Math.max(w, v == null ? 0 : v[j]);
            }
            maxV[b] = w;
        }
        AtomicInteger cancelled = new AtomicInteger();
        Thread caller = Thread.currentThread();
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            if (cancelled.get() != 0 || caller.isInterrupted()) {
                cancelled.set(1);
                return;
            }
            int i0 = chunk * ROWS;
            int i1 = Math.min(n, i0 + ROWS);
            double[] block = new double[ROWS * Math.min(width, m)];
            double[] keys = new double[k];
            double maxU = Double.NEGATIVE_INFINITY;
            for (int i = i0; i < i1; i++) {
                maxU = Math.max(maxU, u == null ? 0 : u[i]);
            }
            double[] lower = new double[blocks];
            int[] order = order(metric, rowBoxes, colBoxes, chunk, maxV, lower);
            double worstCost = 0;
            int visited = 0;
            for (int b : order) {
                if (metric != null && !violated && visited == limit) {
                    worstCost = Math.max(worstCost, BlockBounds.bound(metric, rowBoxes, chunk, colBoxes, b, true));
                    continue;
                }
                visited++;
                if (metric != null) {
                    // skip the block if every pair in it has C - u - v beyond what the chunk's rows keep
                    double ref = violated ? maxU : chunkBound(i0, i1, k, count, costs, cols, v);
                    double slack = lower[b] - maxV[b] - ref;
                    if (slack > BlockBounds.MARGIN * (Math.abs(lower[b]) + Math.abs(maxV[b]) + Math.abs(ref))) {
                        if (!violated) {
                            worstCost = Math.max(worstCost, BlockBounds.bound(metric, rowBoxes, chunk, colBoxes, b,
                                    true));
                        }
                        continue;
                    }
                }
                int j0 = b * width;
                int j1 = Math.min(m, j0 + width);
                int w = j1 - j0;
                fill(cost, i0, i1, j0, j1, block);
                int rows = i1 - i0;
                for (int i = i0; i < i1; i++) {
                    double ui = u == null ? 0 : u[i];
                    int row = (i - i0) * w;
                    int base = i * k;
                    int size = count[i];
                    for (int s = 0; s < size; s++) {
                        keys[s] = costs[base + s] - ui - (v == null ? 0 : v[cols[base + s]]);
                    }
                    double bound = size == k ? keys[k - 1] : violated ? 0 : Double.POSITIVE_INFINITY;
                    for (int j = j0; j < j1; j++) {
                        double c = block[row + j - j0];
                        double vj = v == null ? 0 : v[j];
                        double r = c - ui - vj;
                        if (r < bound && (!violated
                                || r < -SparseNetworkSimplex.EPS * (Math.abs(c) + Math.abs(ui) + Math.abs(vj)))) {
                            int s = size < k ? size++ : k - 1;
                            while (s > 0 && keys[s - 1] > r) {
                                keys[s] = keys[s - 1];
                                cols[base + s] = cols[base + s - 1];
                                costs[base + s] = costs[base + s - 1];
                                s--;
                            }
                            keys[s] = r;
                            cols[base + s] = j;
                            costs[base + s] = c;
                            bound = size == k ? keys[k - 1] : bound;
                        }
                    }
                    count[i] = size;
                }
                if (!violated) {
                    worstCost = Math.max(worstCost, maxAbs(block, rows * w));
                }
            }
            maxCost[chunk] = worstCost;
        });
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("shortlist solve cancelled (thread interrupted) during a pricing pass");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
        if (cancelled.get() != 0) {
            throw new CancellationException("shortlist solve cancelled (thread interrupted) during a pricing pass");
        }
        double worst = 0;
        long total = 0;
        for (int c = 0; c < chunks; c++) {
            worst = Math.max(worst, maxCost[c]);
        }
        for (int i = 0; i < n; i++) {
            total += count[i];
        }
        return new Result(k, count, cols, costs, worst, total);
    }

    /**
     * The column blocks in the order a chunk visits them: by lower bound of C − v (then index) when the costs
     * have box bounds (filling {@code lower}), else in index order.
     */
    private static int[] order(MinkowskiCost metric, BlockBounds rowBoxes, BlockBounds colBoxes, int chunk,
                               double[] maxV, double[] lower) {
        int blocks = maxV.length;
        int[] order = new int[blocks];
        if (metric == null) {
            for (int b = 0; b < blocks; b++) {
                order[b] = b;
            }
            return order;
        }
        long[] keys = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            lower[b] = BlockBounds.bound(metric, rowBoxes, chunk, colBoxes, b, false);
            int bits = Float.floatToIntBits((float) (lower[b] - maxV[b]));
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[b] = ((long) bits << 32) | b;
        }
        Arrays.sort(keys);
        for (int b = 0; b < blocks; b++) {
            order[b] = (int) keys[b];
        }
        return order;
    }

    /**
     * max<sub>i</sub> (the i-th row's K-th smallest key + u<sub>i</sub>) over the chunk's rows, +∞ while a row
     * holds fewer than K: a column j can enter some row only if C<sub>ij</sub> − v<sub>j</sub> is below it.
     */
    private static double chunkBound(int i0, int i1, int k, int[] count, double[] costs, int[] cols, double[] v) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = i0; i < i1; i++) {
            if (count[i] < k) {
                return Double.POSITIVE_INFINITY;
            }
            int e = i * k + k - 1;
            worst = Math.max(worst, costs[e] - (v == null ? 0 : v[cols[e]]));
        }
        return worst;
    }

    private static double maxAbs(double[] block, int size) {
        double worst = 0;
        for (int t = 0; t < size; t++) {
            worst = Math.max(worst, Math.abs(block[t]));
        }
        return worst;
    }

    /** Costs of rows [i0, i1) × columns [j0, j1) into out, row-major. */
    static void fill(CostMatrix cost, int i0, int i1, int j0, int j1, double[] out) {
        if (cost instanceof PointCostMatrix points) {
            points.block(i0, i1, j0, j1, out);
            return;
        }
        int w = j1 - j0;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                out[(i - i0) * w + j - j0] = cost.get(i, j);
            }
        }
    }
}
