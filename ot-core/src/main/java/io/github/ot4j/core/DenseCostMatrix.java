package io.github.ot4j.core;

/** A cost matrix stored row-major in one array (package-private; see {@link CostMatrix#of}). */
final class DenseCostMatrix implements CostMatrix {

    private final int rows;
    private final int cols;
    private final double[] values;

    private DenseCostMatrix(int rows, int cols, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /**
     * @param rows   n
     * @param cols   m
     * @param values the costs row-major, length n·m, finite (kept, not copied)
     * @return the matrix over them
     */
    static DenseCostMatrix over(int rows, int cols, double[] values) {
        return new DenseCostMatrix(rows, cols, values);
    }

    static DenseCostMatrix copyOf(double[][] cost) {
        int rows = cost.length;
        int cols = cost[0].length;
        double[] values = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(cost[i], 0, values, i * cols, cols);
        }
        return new DenseCostMatrix(rows, cols, values);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public double get(int i, int j) {
        return values[i * cols + j];
    }

    @Override
    public CostMatrix dense() {
        return this;
    }
}
