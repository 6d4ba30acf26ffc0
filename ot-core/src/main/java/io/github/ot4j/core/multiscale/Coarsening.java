package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.TransportProblem;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The coarse level of a problem: ⌈n / factor⌉ sources and ⌈m / factor⌉ targets drawn without replacement by a
 * seeded shuffle (the same for every run), their weights renormalised to mass 1 on each side, and the two
 * rectangular cost matrices the c-transforms read (all sources × coarse targets, all targets × coarse sources).
 * Point-based problems stay point-based, so that their costs keep the fast kernel.
 *
 * @param problem          the coarse problem
 * @param rowsToCoarseCols C<sub>ij′</sub> for every source i and coarse target j′ (n × m′)
 * @param colsToCoarseRows C<sub>i′j</sub> for every target j and coarse source i′, indexed (j, i′) (m × n′)
 * @param sourceToCoarse   c(x<sub>i</sub>, x<sub>i′</sub>) from every source to every coarse source, for the
 *                         nearest coarse point of each source (null unless point-based)
 * @param targetToCoarse   c(y<sub>j</sub>, y<sub>j′</sub>) likewise for the targets (null unless point-based)
 */
record Coarsening(TransportProblem problem, CostMatrix rowsToCoarseCols, CostMatrix colsToCoarseRows,
                  CostMatrix sourceToCoarse, CostMatrix targetToCoarse) {

    static Coarsening of(TransportProblem problem, int factor, int level) {
        int n = problem.n();
        int m = problem.m();
        SplittableRandom random = new SplittableRandom(0x0c0a75e5L + level);
        int[] rows = sample(n, (n + factor - 1) / factor, random);
        int[] cols = sample(m, (m + factor - 1) / factor, random);
        double[] a = weights(problem.a(), rows);
        double[] b = weights(problem.b(), cols);
        CostMatrix cost = problem.cost();
        if (cost instanceof PointCostMatrix points) {
            DiscreteMeasure mu = points.source();
            DiscreteMeasure nu = points.target();
            GroundCost c = points.groundCost();
            DiscreteMeasure cmu = DiscreteMeasure.of(points(mu, rows), a);
            DiscreteMeasure cnu = DiscreteMeasure.of(points(nu, cols), b);
            // (y, x) ↦ c(x, y): the Minkowski costs are symmetric and keep their kernel
            GroundCost swapped = c instanceof MinkowskiCost ? c : (y, x) -> c.between(x, y);
            return new Coarsening(TransportProblem.of(cmu, cnu, c), CostMatrix.between(mu, cnu, c),
                    CostMatrix.between(nu, cmu, swapped), CostMatrix.between(mu, cmu, c), CostMatrix.between(nu, cnu, c));
        }
        CostMatrix coarse = view(cost, rows, cols, false);
        return new Coarsening(TransportProblem.of(a, b, coarse), view(cost, null, cols, false),
                view(cost, rows, null, true), null, null);
    }

    /** k distinct indices of [0, size) in increasing order, by a partial Fisher-Yates shuffle. */
    private static int[] sample(int size, int k, SplittableRandom random) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int r = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[r];
            all[r] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    /** The weights at the indices scaled to sum 1 (uniform if they are all 0). */
    private static double[] weights(double[] w, int[] idx) {
        double[] out = new double[idx.length];
        double sum = 0;
        for (int t = 0; t < idx.length; t++) {
            out[t] = w[idx[t]];
            sum += out[t];
        }
        for (int t = 0; t < idx.length; t++) {
            out[t] = sum > 0 ? out[t] / sum : 1.0 / idx.length;
        }
        return out;
    }

    private static double[][] points(DiscreteMeasure measure, int[] idx) {
        double[][] p = new double[idx.length][];
        for (int t = 0; t < idx.length; t++) {
            p[t] = measure.point(idx[t]);
        }
        return p;
    }

    /** Rows and columns of a matrix picked by index maps (null: all), optionally transposed. */
    private static CostMatrix view(CostMatrix cost, int[] rows, int[] cols, boolean transposed) {
        int r = rows == null ? cost.rows() : rows.length;
        int c = cols == null ? cost.cols() : cols.length;
        return new CostMatrix() {
            @Override
            public int rows() {
                return transposed ? c : r;
            }

            @Override
            public int cols() {
                return transposed ? r : c;
            }

            @Override
            public double get(int i, int j) {
                int p = transposed ? j : i;
                int q = transposed ? i : j;
                return cost.get(rows == null ? p : rows[p], cols == null ? q : cols[q]);
            }
        };
    }
}
