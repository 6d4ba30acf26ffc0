package io.github.ot4j.core.simplex.internal;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * A greedy, strongly feasible starting basis for a {@link SpanningTree}. Arcs offered in the caller's order
 * (cheapest first) join the forest when they link two components and both ends still have mass, each carrying as
 * much as both ends have, so that every component keeps at most one node with mass left. {@link #hang} then
 * hangs each component from the root by an artificial arc at that node. Artificial costs give each component the
 * potentials the start asks for (u, v on a warm start, 0 on a cold one); components that still need mass sit a
 * big M higher, so that a path source → root → target costs more than any real path and no optimum keeps mass
 * on an artificial arc. Every real tree arc carries positive flow and every zero-flow artificial arc points to
 * the root, so the start is strongly feasible.
 */
public final class GreedyForest {

    private final int n;
    private final int m;
    private final double[] residual;
    private final int[] uf;
    private long[] forest;
    private int forestSize;
    private int[] artNodes;
    private int artCount;

    /**
     * @param tree the basis to start, for its sizes and supplies
     */
    public GreedyForest(SpanningTree tree) {
        n = tree.n;
        m = tree.m;
        residual = Arrays.copyOf(tree.supply, n + m);
        for (int j = 0; j < m; j++) {
            residual[n + j] = -residual[n + j];
        }
        uf = new int[n + m];
        for (int k = 0; k < uf.length; k++) {
            uf[k] = k;
        }
        forest = new long[n + m];
    }

    /**
     * Offers a real arc.
     *
     * @param arc    its number
     * @param source its source node, 0..n−1
     * @param target its target node, n..n+m−1
     */
    public void offer(long arc, int source, int target) {
        if (residual[source] > 0 && residual[target] > 0) {
            int rs = find(source);
            int rt = find(target);
            if (rs != rt) {
                uf[rs] = rt;
                forest[forestSize++] = arc;
                if (residual[source] <= residual[target]) {
                    residual[target] -= residual[source];
                    residual[source] = 0;
                } else {
                    residual[source] -= residual[target];
                    residual[target] = 0;
                }
            }
        }
    }

    /**
     * The big M of the artificial arcs: 2·max|C|·(n + m), or, when every cost is 0, twice the largest |start
     * potential| (1 without one) times n + m, so that 2<sup>k</sup>·C gets exactly 2<sup>k</sup> times the same
     * start.
     *
     * @param maxCost the largest |C<sub>ij</sub>| of the problem
     * @param u       source potentials to start from, or null
     * @param v       target potentials to start from, or null
     * @return M
     * @throws TransportSolverException with {@link SolverStatus#FAILED} when M overflows
     */
    public double bigM(double maxCost, double[] u, double[] v) {
        double art = (maxCost > 0 ? 2 * maxCost : zeroCostUnit(u, v)) * (n + m);
        if (!Double.isFinite(art * 4)) {
            throw new TransportSolverException(SolverStatus.FAILED, "costs up to " + maxCost + " are too large for the "
                    + "network simplex's big-M start on a " + n + " x " + m + " problem");
        }
        return art;
    }

    /**
     * Hangs every component from the root by one artificial arc, at its node with unmet supply or demand (at
     * most one has any), setting the tree's {@code artUp} and {@code artCost}.
     *
     * @param tree the basis to start
     * @param art  the big M ({@link #bigM})
     * @param u    source potentials to start from, or null for a cold start
     * @param v    target potentials to start from, or null
     */
    public void hang(SpanningTree tree, double art, double[] u, double[] v) {
        int[] rep = new int[n + m];
        Arrays.fill(rep, -1);
        for (int w = 0; w < n + m; w++) {
            if (residual[w] > 0) {
                rep[find(w)] = w;
            }
        }
        artNodes = new int[n + m];
        artCount = 0;
        double highestUp = Double.NEGATIVE_INFINITY;
        double lowestDown = Double.POSITIVE_INFINITY;
        for (int w = 0; w < n + m; w++) {
            if (find(w) == w) {
                int r = rep[w] >= 0 ? rep[w] : w;
                tree.artUp[r] = r < n || residual[r] <= 0;
                artNodes[artCount++] = r;
                double target = startPotential(r, u, v);
                if (tree.artUp[r]) {
                    highestUp = Math.max(highestUp, target);
                } else {
                    lowestDown = Math.min(lowestDown, target);
                }
            }
        }
        // potentials where the start asks (π_root = 0); components that still need mass a big M higher
        double lift = art + Math.max(0, highestUp - lowestDown);
        for (int k = 0; k < artCount; k++) {
            int r = artNodes[k];
            double target = startPotential(r, u, v);
            tree.artCost[r] = tree.artUp[r] ? -target : target + lift;
        }
    }

    /** @return the number of real arcs in the forest */
    int size() {
        return forestSize;
    }

    /** @return the k-th real arc of the forest */
    long arc(int k) {
        return forest[k];
    }

    /** @return the number of nodes hung from the root */
    int artCount() {
        return artCount;
    }

    /** @return the k-th node hung from the root */
    int artNode(int k) {
        return artNodes[k];
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

    private int find(int x) {
        while (uf[x] != x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    }
}
