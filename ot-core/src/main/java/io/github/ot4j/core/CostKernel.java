package io.github.ot4j.core;

/**
 * Blocked evaluation of the costs c(x<sub>i</sub>, y<sub>j</sub>) of a {@link PointCostMatrix}: the engine behind
 * {@link PointCostMatrix#block(int, int, int, int, double[])}.
 *
 * <p>For the L1, Euclidean and squared Euclidean {@link MinkowskiCost}s the target coordinates are stored
 * transposed (y<sub>jk</sub> at {@code yt[k][j]}, one array per coordinate), so that the innermost loop runs over a tile of columns j for
 * one coordinate k, {@code acc[j] += |x_ik − y_jk|} or {@code (x_ik − y_jk)²}: a loop without a reduction, which
 * HotSpot's C2 compiler turns into SIMD instructions. Coordinates are processed in blocks of {@link #DEPTH} and
 * columns in tiles of {@link #TILE}; each tile of targets is first copied to a small packed array, so that it
 * stays in cache while every row of the block reuses it, and so that the accumulators and the packed targets
 * share their index (C2 vectorises such loops; it gives up on offsets it cannot relate). Each sum still runs over k = 0, 1, …, d − 1 in order, so the results are bit-identical to
 * {@link MinkowskiCost#between(double[], double[])} (no ‖x‖² + ‖y‖² − 2x·y shortcut, hence no cancellation).
 * Any other cost is evaluated pair by pair through {@link GroundCost#between(double[], double[])}.
 *
 * <p>Immutable and thread-safe; each call works in the caller's output array.
 */
final class CostKernel {

    /** Columns per tile: 256 doubles of accumulator per row (2 KiB). */
    static final int TILE = 256;
    /** Coordinates per block: a tile of transposed targets is DEPTH · TILE · 8 bytes = 64 KiB. */
    static final int DEPTH = 32;

    /** What the inner loop computes. */
    enum Kind { L1, EUCLIDEAN, SQUARED, GENERIC }

    private final Kind kind;
    private final double[][] x;
    private final double[][] y;
    private final double[][] yt;
    private final int d;
    private final int m;
    private final GroundCost cost;

    CostKernel(double[][] x, double[][] y, GroundCost cost) {
        this.x = x;
        this.y = y;
        this.cost = cost;
        this.m = y.length;
        this.d = x.length == 0 ? 0 : x[0].length;
        this.kind = kindOf(cost);
        if (kind == Kind.GENERIC) {
            yt = null;
        } else {
            yt = new double[d][m];
            for (int j = 0; j < m; j++) {
                double[] yj = y[j];
                for (int k = 0; k < d; k++) {
                    yt[k][j] = yj[k];
                }
            }
        }
    }

    static Kind kindOf(GroundCost cost) {
        if (cost instanceof MinkowskiCost c) {
            if (c.p() == 1 && c.power() == 1) {
                return Kind.L1;
            }
            if (c.p() == 2 && c.power() == 1) {
                return Kind.EUCLIDEAN;
            }
            if (c.p() == 2 && c.power() == 2) {
                return Kind.SQUARED;
            }
        }
        return Kind.GENERIC;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Writes C<sub>ij</sub> for i0 ≤ i &lt; i1, j0 ≤ j &lt; j1 to {@code out[offset + (i − i0)·(j1 − j0) + (j − j0)]}.
     * Bounds are the caller's to check.
     */
    void block(int i0, int i1, int j0, int j1, double[] out, int offset) {
        int w = j1 - j0;
        if (kind == Kind.GENERIC) {
            for (int i = i0; i < i1; i++) {
                int row = offset + (i - i0) * w;
                for (int j = j0; j < j1; j++) {
                    out[row + j - j0] = cost.between(x[i], y[j]);
                }
            }
            return;
        }
        if (d == 1 || d == 2) {
            lowDimension(i0, i1, j0, j1, out, offset);
            return;
        }
        int rows = i1 - i0;
        double[][] acc = new double[rows][TILE];
        double[][] tile = new double[DEPTH][TILE];
        for (int t0 = j0; t0 < j1; t0 += TILE) {
            int tw = Math.min(j1, t0 + TILE) - t0;
            for (double[] row : acc) {
                java.util.Arrays.fill(row, 0, tw, 0.0);
            }
            for (int k0 = 0; k0 < d; k0 += DEPTH) {
                int kd = Math.min(d, k0 + DEPTH) - k0;
                for (int k = 0; k < kd; k++) {
                    System.arraycopy(yt[k0 + k], t0, tile[k], 0, tw);
                }
                for (int i = 0; i < rows; i++) {
                    if (kind == Kind.L1) {
                        l1(x[i0 + i], k0, kd, tile, tw, acc[i]);
                    } else {
                        squares(x[i0 + i], k0, kd, tile, tw, acc[i]);
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                int to = offset + i * w + t0 - j0;
                double[] row = acc[i];
                if (kind == Kind.EUCLIDEAN) {
                    // in place, same index on both sides: C2 vectorises the square roots
                    for (int j = 0; j < tw; j++) {
                        row[j] = Math.sqrt(row[j]);
                    }
                }
                System.arraycopy(row, 0, out, to, tw);
            }
        }
    }

    /**
     * One or two coordinates: each cost computed whole, straight into {@code out} from the transposed targets (the
     * tiles' accumulators, fills and copies cost more than the arithmetic there: 10<sup>6</sup> squared Euclidean
     * costs of 2-D points took 2.0 ms through the tiles, 0.9 ms here). The same values bit for bit: the tiles add
     * each term to an accumulator that starts at +0, and +0 + t = t for every term t ≥ +0 or NaN they add.
     */
    private void lowDimension(int i0, int i1, int j0, int j1, double[] out, int offset) {
        int w = j1 - j0;
        double[] y0 = yt[0];
        double[] y1 = d == 2 ? yt[1] : y0;
        for (int i = i0; i < i1; i++) {
            double a0 = x[i][0];
            double a1 = d == 2 ? x[i][1] : 0;
            int row = offset + (i - i0) * w - j0;
            if (d == 1) {
                for (int j = j0; j < j1; j++) {
                    double t = a0 - y0[j];
                    out[row + j] = kind == Kind.L1 ? Math.abs(t) : kind == Kind.SQUARED ? t * t : Math.sqrt(t * t);
                }
            } else if (kind == Kind.L1) {
                for (int j = j0; j < j1; j++) {
                    out[row + j] = Math.abs(a0 - y0[j]) + Math.abs(a1 - y1[j]);
                }
            } else {
                for (int j = j0; j < j1; j++) {
                    double e0 = a0 - y0[j];
                    double e1 = a1 - y1[j];
                    double q = e0 * e0 + e1 * e1;
                    out[row + j] = kind == Kind.SQUARED ? q : Math.sqrt(q);
                }
            }
        }
    }

    /**
     * acc[j] += Σ<sub>k</sub> |x<sub>k0+k</sub> − tile[k][j]| over the kd coordinates of the tile, for j &lt; tw:
     * four coordinates per pass (the accumulator is loaded and stored once per four), each added in order of k.
     * acc and the tile rows are indexed alike, so that C2 can prove the loop free of carried dependences.
     */
    private static void l1(double[] xi, int k0, int kd, double[][] tile, int tw, double[] acc) {
        int k = 0;
        for (; k + 3 < kd; k += 4) {
            double a0 = xi[k0 + k];
            double a1 = xi[k0 + k + 1];
            double a2 = xi[k0 + k + 2];
            double a3 = xi[k0 + k + 3];
            double[] y0 = tile[k];
            double[] y1 = tile[k + 1];
            double[] y2 = tile[k + 2];
            double[] y3 = tile[k + 3];
            for (int j = 0; j < tw; j++) {
                double s = acc[j];
                s += Math.abs(a0 - y0[j]);
                s += Math.abs(a1 - y1[j]);
                s += Math.abs(a2 - y2[j]);
                s += Math.abs(a3 - y3[j]);
                acc[j] = s;
            }
        }
        for (; k < kd; k++) {
            double xk = xi[k0 + k];
            double[] yk = tile[k];
            for (int j = 0; j < tw; j++) {
                acc[j] += Math.abs(xk - yk[j]);
            }
        }
    }

    /** acc[j] += Σ<sub>k</sub> (x<sub>k0+k</sub> − tile[k][j])², as {@link #l1}. */
    private static void squares(double[] xi, int k0, int kd, double[][] tile, int tw, double[] acc) {
        int k = 0;
        for (; k + 3 < kd; k += 4) {
            double a0 = xi[k0 + k];
            double a1 = xi[k0 + k + 1];
            double a2 = xi[k0 + k + 2];
            double a3 = xi[k0 + k + 3];
            double[] y0 = tile[k];
            double[] y1 = tile[k + 1];
            double[] y2 = tile[k + 2];
            double[] y3 = tile[k + 3];
            for (int j = 0; j < tw; j++) {
                double s = acc[j];
                double e0 = a0 - y0[j];
                double e1 = a1 - y1[j];
                double e2 = a2 - y2[j];
                double e3 = a3 - y3[j];
                s += e0 * e0;
                s += e1 * e1;
                s += e2 * e2;
                s += e3 * e3;
                acc[j] = s;
            }
        }
        for (; k < kd; k++) {
            double xk = xi[k0 + k];
            double[] yk = tile[k];
            for (int j = 0; j < tw; j++) {
                double t = xk - yk[j];
                acc[j] += t * t;
            }
        }
    }
}
