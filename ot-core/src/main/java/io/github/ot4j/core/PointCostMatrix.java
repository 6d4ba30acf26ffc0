package io.github.ot4j.core;

/**
 * The costs C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>) between the points of two measures, computed on
 * demand (no n × m storage); made by {@link CostMatrix#between(DiscreteMeasure, DiscreteMeasure, GroundCost)}.
 * Its parts are visible so that solvers can exploit their structure: a dedicated cost loop over the
 * coordinates, or the closed form for one-dimensional points.
 *
 * <p>{@link #block(int, int, int, int, double[])} and {@link #toArray()} evaluate many costs at once with a blocked
 * loop that the JIT vectorises (L1, Euclidean and squared Euclidean costs), bit-identical to
 * {@link #get(int, int)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PointCostMatrix implements CostMatrix {

    private final DiscreteMeasure source;
    private final DiscreteMeasure target;
    private final double[][] x;
    private final double[][] y;
    private final GroundCost cost;
    /** The blocked evaluator, made on first use (it holds a transposed copy of the target points). */
    private volatile CostKernel kernel;

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

    /**
     * Computes a block of costs at once: out[(i − i0)·(j1 − j0) + (j − j0)] = C<sub>ij</sub> for i0 ≤ i &lt; i1 and
     * j0 ≤ j &lt; j1, with the same values as {@link #get(int, int)} but, for the L1, Euclidean and squared Euclidean
     * costs, several times faster (a blocked loop over transposed coordinates that the JIT vectorises). Blocks of
     * a few rows by a few hundred columns or more amortise the call.
     *
     * @param i0  first row, 0 ≤ i0 ≤ i1
     * @param i1  end row (exclusive), ≤ n
     * @param j0  first column, 0 ≤ j0 ≤ j1
     * @param j1  end column (exclusive), ≤ m
     * @param out receives the costs row-major, length ≥ (i1 − i0)·(j1 − j0)
     * @throws IllegalArgumentException for bounds out of range, a short array, or a cost that is not finite
     */
    public void block(int i0, int i1, int j0, int j1, double[] out) {
        block(i0, i1, j0, j1, out, 0);
    }

    /**
     * {@link #block(int, int, int, int, double[])} into {@code out} from {@code offset} on: out[offset + (i −
     * i0)·(j1 − j0) + (j − j0)] = C<sub>ij</sub>, e.g. rows of a dense n × m row-major array filled in place.
     *
     * @param i0     first row, 0 ≤ i0 ≤ i1
     * @param i1     end row (exclusive), ≤ n
     * @param j0     first column, 0 ≤ j0 ≤ j1
     * @param j1     end column (exclusive), ≤ m
     * @param out    receives the costs row-major, length ≥ offset + (i1 − i0)·(j1 − j0)
     * @param offset where the block starts in {@code out}, ≥ 0
     * @throws IllegalArgumentException for bounds out of range, a short array or negative offset, or a cost that
     *         is not finite
     */
    public void block(int i0, int i1, int j0, int j1, double[] out, int offset) {
        if (i0 < 0 || i1 < i0 || i1 > x.length) {
            throw new IllegalArgumentException("rows [" + i0 + ", " + i1 + ") must lie within [0, " + x.length + ")");
        }
        if (j0 < 0 || j1 < j0 || j1 > y.length) {
            throw new IllegalArgumentException("columns [" + j0 + ", " + j1 + ") must lie within [0, " + y.length
                    + ")");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 but is " + offset);
        }
        long need = offset + (long) (i1 - i0) * (j1 - j0);
        if (out == null || out.length < need) {
            throw new IllegalArgumentException("out must have length >= " + need + " but has "
                    + (out == null ? "null" : out.length));
        }
        kernel().block(i0, i1, j0, j1, out, offset);
        int w = j1 - j0;
        int size = (i1 - i0) * w;
        for (int p = 0; p < size; p++) {
            if (!Double.isFinite(out[offset + p])) {
                throw new IllegalArgumentException("cost between x[" + (i0 + p / w) + "] and y[" + (j0 + p % w)
                        + "] must be finite but is " + out[offset + p]);
            }
        }
    }

    /**
     * All costs computed now by {@link #block}, in row blocks straight into one row-major array (no n × m array of
     * rows to copy and check again): the same values as {@link #toArray}.
     *
     * @return a dense cost matrix equal to this one
     * @throws IllegalArgumentException if a cost is not finite
     */
    @Override
    public CostMatrix dense() {
        int n = x.length;
        int m = y.length;
        double[] values = new double[Math.multiplyExact(n, m)];
        int rows = Math.max(1, Math.min(n, (1 << 16) / Math.max(1, m)));
        for (int i0 = 0; i0 < n; i0 += rows) {
            block(i0, Math.min(n, i0 + rows), 0, m, values, i0 * m);
        }
        return DenseCostMatrix.over(n, m, values);
    }

    /** @return a new n × m array holding the costs, computed by {@link #block} in row blocks */
    @Override
    public double[][] toArray() {
        int n = x.length;
        int m = y.length;
        double[][] c = new double[n][];
        int rows = Math.max(1, Math.min(n, (1 << 16) / Math.max(1, m)));
        double[] buffer = new double[rows * m];
        for (int i0 = 0; i0 < n; i0 += rows) {
            int i1 = Math.min(n, i0 + rows);
            block(i0, i1, 0, m, buffer);
            for (int i = i0; i < i1; i++) {
                c[i] = java.util.Arrays.copyOfRange(buffer, (i - i0) * m, (i - i0 + 1) * m);
            }
        }
        return c;
    }

    private CostKernel kernel() {
        CostKernel k = kernel;
        if (k == null) {
            k = new CostKernel(x, y, cost);
            kernel = k;
        }
        return k;
    }
}
