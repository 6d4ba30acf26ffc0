package io.github.ot4j.core.simplex;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * The starting basis of the network simplex. A forest of real arcs is grown greedily from the two arcs of
 * smallest reduced cost C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> of each row and of each column (u = v = 0
 * on a cold start, the given potentials on a warm start), each arc carrying as much mass as both ends still
 * have, so that every component keeps at most one node with mass left. Each component then hangs from the root
 * by an artificial arc carrying that mass. Artificial costs give each component the potentials the start asks
 * for; components that still need mass sit a big M = 2·max|C|·(n + m) higher (n + m when
 * every cost is 0), so that a path source → root →
 * target costs more than any real path and no optimum keeps mass on an artificial arc. Every real tree arc
 * carries positive flow and every zero-flow artificial arc points to the root, so the start is strongly feasible.
 */
final class StartingBasis {

    private final int n;
    /** The real arcs of the forest, {@link #forestSize} of them. */
    final long[] forest;
    final int forestSize;
    /** The node of each component that hangs from the root, {@link #artCount} of them. */
    final int[] artNodes;
    final int artCount;
    /** The largest |C<sub>ij</sub>| seen by the pass over the (pricing) costs. */
    final double maxCost;

    /**
     * Grows the start and sets the artificial arcs' directions and costs.
     *
     * @param n       the number of sources
     * @param m       the number of targets
     * @param pricing the costs to read in the full pass (exact or approximate)
     * @param costs   the exact costs (for the finiteness message)
     * @param supply  a<sub>i</sub> on sources, −b<sub>j</sub> on targets
     * @param u       source potentials to start from, or null for a cold start
     * @param v       target potentials to start from, or null
     * @param greedy  whether to grow the greedy forest (else every node hangs from the root)
     * @param artUp   receives whether each node's artificial arc points to the root
     * @param artCost receives each artificial arc's cost
     */
    StartingBasis(int n, int m, ArcCosts pricing, ArcCosts costs, double[] supply, double[] u, double[] v,
                  boolean greedy, boolean[] artUp, double[] artCost) {
        this.n = n;
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
        maxCost = maxAbs;
        // relative to the costs (not max|C| + 1), so that 2^k·C gets exactly 2^k times the same start
        double art = (maxAbs > 0 ? 2 * maxAbs : zeroCostUnit(u, v)) * (n + m);
        if (!Double.isFinite(art * 4)) {
            throw new TransportSolverException(SolverStatus.FAILED, "costs up to " + maxAbs + " are too large for the "
                    + "network simplex's big-M start on a " + n + " x " + m + " problem");
        }

        double[] residual = supply.clone();
        for (int j = 0; j < m; j++) {
            residual[n + j] = -residual[n + j];
        }
        int[] uf = new int[n + m];
        for (int k = 0; k < uf.length; k++) {
            uf[k] = k;
        }
        long[] forest = new long[n + m];
        int forestSize = 0;
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
                if (residual[i] > 0 && residual[n + j] > 0) {
                    int ri = find(uf, i);
                    int rj = find(uf, n + j);
                    if (ri != rj) {
                        uf[ri] = rj;
                        forest[forestSize++] = (long) i * m + j;
                        if (residual[i] <= residual[n + j]) {
                            residual[n + j] -= residual[i];
                            residual[i] = 0;
                        } else {
                            residual[i] -= residual[n + j];
                            residual[n + j] = 0;
                        }
                    }
                }
            }
        }
        // one artificial arc per component, at its node with unmet supply or demand (at most one has any)
        int[] rep = new int[n + m];
        Arrays.fill(rep, -1);
        for (int w = 0; w < n + m; w++) {
            if (residual[w] > 0) {
                rep[find(uf, w)] = w;
            }
        }
        int artCount = 0;
        int[] artNodes = new int[n + m];
        double highestUp = Double.NEGATIVE_INFINITY;
        double lowestDown = Double.POSITIVE_INFINITY;
        for (int w = 0; w < n + m; w++) {
            if (find(uf, w) == w) {
                int r = rep[w] >= 0 ? rep[w] : w;
                artUp[r] = r < n || residual[r] <= 0;
                artNodes[artCount++] = r;
                double target = startPotential(r, u, v);
                if (artUp[r]) {
                    highestUp = Math.max(highestUp, target);
                } else {
                    lowestDown = Math.min(lowestDown, target);
                }
            }
        }
        // Artificial costs put each component's potentials where the start asks (π_root = 0); components that
        // still need mass sit a big M higher, so that every path source -> root -> target costs more than any
        // real path and no optimum keeps mass on artificial arcs.
        double lift = art + Math.max(0, highestUp - lowestDown);
        for (int k = 0; k < artCount; k++) {
            int r = artNodes[k];
            double target = startPotential(r, u, v);
            artCost[r] = artUp[r] ? -target : target + lift;
        }
        this.forest = forest;
        this.forestSize = forestSize;
        this.artNodes = artNodes;
        this.artCount = artCount;
    }

    /** The potential π a warm start asks for at node w: −u<sub>i</sub> at a source, v<sub>j</sub> at a target. */
    private double startPotential(int w, double[] u, double[] v) {
        if (u == null) {
            return 0;
        }
        return w < n ? -u[w] : v[w - n];
    }

    /** The big-M unit when every cost is 0: the largest |start potential|, so that it scales with them, or 1. */
    private static double zeroCostUnit(double[] u, double[] v) {
        double max = 0;
        if (u != null) {
            for (double x : u) {
                max = Math.max(max, Math.abs(x));
            }
            for (double x : v) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max > 0 ? 2 * max : 1;
    }

    /** A long that sorts like {@code (float) value} and then by {@code index}. */
    private static long sortKey(double value, int index) {
        int bits = Float.floatToIntBits((float) value);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }

    private static int find(int[] uf, int x) {
        while (uf[x] != x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    }
}
