package io.github.ot4j.core.simplex;

import io.github.ot4j.core.simplex.internal.GreedyForest;
import io.github.ot4j.core.simplex.internal.SpanningTree;

import java.util.Arrays;

/**
 * The starting basis of the dense network simplex: a {@link GreedyForest} offered, cheapest first, the two arcs of
 * smallest reduced cost C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> of each row and of each column (u = v = 0
 * on a cold start, the given potentials on a warm start), found by one pass over all n·m costs.
 */
final class StartingBasis {

    private StartingBasis() {
    }

    /**
     * Grows the start, sets the artificial arcs' directions and costs and builds the tree on it.
     *
     * @param tree    the basis to start (arcs numbered i·m + j)
     * @param pricing the costs to read in the full pass (exact or approximate)
     * @param costs   the exact costs (for the finiteness message)
     * @param u       source potentials to start from, or null for a cold start
     * @param v       target potentials to start from, or null
     * @param greedy  whether to grow the greedy forest (else every node hangs from the root)
     * @return the largest |C<sub>ij</sub>| seen by the pass over the (pricing) costs
     */
    static double build(SpanningTree tree, ArcCosts pricing, ArcCosts costs, double[] u, double[] v,
                        boolean greedy) {
        int n = tree.n;
        int m = tree.m;
        int[] rowArg = new int[n];
        double[] rowBest = new double[n];
        int[] rowArg2 = new int[n];
        double[] rowBest2 = new double[n];
        int[] colArg = new int[m];
        double[] colBest = new double[m];
        int[] colArg2 = new int[m];
        double[] colBest2 = new double[m];
        Arrays.fill(colBest, Double.POSITIVE_INFINITY);
        Arrays.fill(colBest2, Double.POSITIVE_INFINITY);
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double ui = u == null ? 0 : u[i];
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            double second = Double.POSITIVE_INFINITY;
            int arg2 = 0;
            for (int j = 0; j < m; j++) {
                double c = pricing.roughCost(i, j);
                if (!Double.isFinite(c) && !Double.isFinite(costs.cost(i, j))) {
                    throw new IllegalArgumentException("cost(" + i + ", " + j + ") must be finite but is "
                            + costs.cost(i, j));
                }
                maxAbs = Math.max(maxAbs, Math.abs(c));
                double r = c - ui - (v == null ? 0 : v[j]);
                if (r < second) {
                    if (r < best) {
                        second = best;
                        arg2 = arg;
                        best = r;
                        arg = j;
                    } else {
                        second = r;
                        arg2 = j;
                    }
                }
                if (r < colBest2[j]) {
                    if (r < colBest[j]) {
                        colBest2[j] = colBest[j];
                        colArg2[j] = colArg[j];
                        colBest[j] = r;
                        colArg[j] = i;
                    } else {
                        colBest2[j] = r;
                        colArg2[j] = i;
                    }
                }
            }
            rowBest[i] = best;
            rowArg[i] = arg;
            rowBest2[i] = second;
            rowArg2[i] = arg2;
        }
        GreedyForest forest = new GreedyForest(tree);
        if (greedy) {
            int nm = n + m;
            long[] order = new long[2 * nm];
            int count = 0;
            for (int i = 0; i < n; i++) {
                order[count++] = sortKey(rowBest[i], i);
                if (m > 1) {
                    order[count++] = sortKey(rowBest2[i], nm + i);
                }
            }
            for (int j = 0; j < m; j++) {
                order[count++] = sortKey(colBest[j], n + j);
                if (n > 1) {
                    order[count++] = sortKey(colBest2[j], nm + n + j);
                }
            }
            Arrays.sort(order, 0, count);
            for (int k = 0; k < count; k++) {
                int c = (int) order[k];
                boolean secondBest = c >= nm;
                int cc = secondBest ? c - nm : c;
                int i = cc < n ? cc : (secondBest ? colArg2[cc - n] : colArg[cc - n]);
                int j = cc < n ? (secondBest ? rowArg2[cc] : rowArg[cc]) : cc - n;
                forest.offer((long) i * m + j, i, n + j);
            }
        }
        forest.hang(tree, forest.bigM(maxAbs, u, v), u, v);
        tree.build(forest);
        return maxAbs;
    }

    /** A long that sorts like {@code (float) value} and then by {@code index}. */
    private static long sortKey(double value, int index) {
        int bits = Float.floatToIntBits((float) value);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }
}
