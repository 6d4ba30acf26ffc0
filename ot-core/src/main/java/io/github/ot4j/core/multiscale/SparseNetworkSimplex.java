package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.simplex.internal.GreedyForest;
import io.github.ot4j.core.simplex.internal.Pricing;
import io.github.ot4j.core.simplex.internal.SpanningTree;
import io.github.ot4j.core.simplex.internal.TreeArcs;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The primal network simplex on a growing list of arcs i → j of the transportation network (n sources with
 * supply a<sub>i</sub>, m targets with demand b<sub>j</sub>, a root node n + m reached by one artificial arc per
 * node): the dense solver's {@link SpanningTree} basis and pivot, with the arcs numbered by their position in an
 * explicit list instead of i·m + j, so that memory is O(n + m + arcs), and block search over that list.
 * {@link #addArcs} appends arcs and {@link #run} continues from the current basis, which stays valid: the
 * shortlist solver alternates the two.
 *
 * <p>Reduced cost of arc s → t: C + π<sub>s</sub> − π<sub>t</sub> (0 on tree arcs). Not thread-safe.
 */
final class SparseNetworkSimplex implements TreeArcs, Pricing, ArcSink {

    /** An arc enters only if C + π<sub>s</sub> − π<sub>t</sub> &lt; −EPS·(|C| + |π<sub>s</sub>| + |π<sub>t</sub>|). */
    static final double EPS = 1e-14;

    private final int n;
    private final long maxIterations;
    private final SpanningTree tree;

    private int arcs;
    private int[] src = new int[16];
    /** Target nodes n..n+m−1. */
    private int[] dst = new int[16];
    private double[] cost = new double[16];

    private boolean started;
    private int nextArc;
    private double inCost;

    /**
     * @param a             the supplies
     * @param b             the demands, of equal sum
     * @param maxIterations the pivot cap over all runs
     */
    SparseNetworkSimplex(double[] a, double[] b, long maxIterations) {
        n = a.length;
        this.maxIterations = maxIterations;
        tree = new SpanningTree(a, b, this, "sparse network simplex", 0);
    }

    /** @return the number of arcs held */
    int arcCount() {
        return arcs;
    }

    /** @return the pivots done so far */
    long iterations() {
        return tree.iterations();
    }

    @Override
    public void addArcs(int[] is, int[] js, double[] cs, int count) {
        if (arcs + count > src.length) {
            int capacity = Math.max(arcs + count, (int) Math.min(Integer.MAX_VALUE - 8, 3L * src.length / 2));
            src = Arrays.copyOf(src, capacity);
            dst = Arrays.copyOf(dst, capacity);
            cost = Arrays.copyOf(cost, capacity);
        }
        for (int k = 0; k < count; k++) {
            src[arcs] = is[k];
            dst[arcs] = n + js[k];
            cost[arcs] = cs[k];
            arcs++;
        }
        tree.ensureArcs(arcs);
    }

    /**
     * Runs to optimality on the arcs held; the first run builds a greedy starting basis from them, offered in
     * order of reduced cost C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub>, with artificial arcs that put the
     * potentials at π<sub>i</sub> = −u<sub>i</sub>, π<sub>j</sub> = v<sub>j</sub> (a big M higher where mass is
     * missing).
     *
     * @param maxCost the largest |C<sub>ij</sub>| of the whole problem (sets the big M of the artificial arcs)
     * @param u       source potentials to start from (e.g. from a coarser level), or null for 0
     * @param v       target potentials to start from, or null for 0 (both or neither)
     * @throws TransportSolverException with {@link SolverStatus#ITERATION_LIMIT} at the pivot cap
     * @throws CancellationException    when the thread is interrupted
     */
    void run(double maxCost, double[] u, double[] v) {
        if (!started) {
            long[] keys = new long[arcs];
            for (int e = 0; e < arcs; e++) {
                double r = u == null ? cost[e] : cost[e] - u[src[e]] - v[dst[e] - n];
                int bits = Float.floatToIntBits((float) r);
                bits ^= (bits >> 31) & 0x7fffffff;
                keys[e] = ((long) bits << 32) | e;
            }
            Arrays.sort(keys);
            GreedyForest forest = new GreedyForest(tree);
            for (long key : keys) {
                int e = (int) key;
                forest.offer(e, src[e], dst[e]);
            }
            forest.hang(tree, forest.bigM(maxCost, u, v), u, v);
            tree.build(forest);
            started = true;
        }
        tree.optimize(this, maxIterations);
    }

    /** @return the node potentials π (sources 0..n−1, targets n..n+m−1); live, do not modify */
    double[] potentials() {
        return tree.potentials();
    }

    /** @return the largest flow on an artificial arc (0 when the arcs held admit a feasible plan) */
    double artificialFlow() {
        return tree.artificialFlow();
    }

    /**
     * Writes the real tree arcs with positive flow.
     *
     * @return the number written (≤ n + m)
     */
    int plan(int[] rows, int[] cols, double[] masses) {
        return tree.plan(rows, cols, masses);
    }

    // ---------------------------------------------------------------- arcs, numbered by position in the list

    @Override
    public int source(long arc) {
        return src[(int) arc];
    }

    @Override
    public int target(long arc) {
        return dst[(int) arc];
    }

    @Override
    public double cost(long arc) {
        return cost[(int) arc];
    }

    // ---------------------------------------------------------------- pricing

    /** Block search over the arc list, cyclically from where the last search stopped. */
    @Override
    public long search(double[] pi) {
        int block = Math.max(10, (int) Math.ceil(Math.sqrt(arcs)));
        double best = 0;
        int bestArc = -1;
        int e = nextArc < arcs ? nextArc : 0;
        int count = block;
        for (int scanned = 0; scanned < arcs; scanned++) {
            double r = cost[e] + pi[src[e]] - pi[dst[e]];
            if (r < best) {
                best = r;
                bestArc = e;
            }
            if (++e == arcs) {
                e = 0;
            }
            if (--count == 0 || scanned == arcs - 1) {
                if (bestArc >= 0 && accept(bestArc, best, pi)) {
                    if (tree.isTree(bestArc)) {
                        return DRIFTED;
                    }
                    nextArc = e;
                    inCost = cost[bestArc];
                    return bestArc;
                }
                count = block;
            }
        }
        return NONE;
    }

    @Override
    public double inCost() {
        return inCost;
    }

    @Override
    public boolean refine() {
        return false;
    }

    private boolean accept(int e, double reduced, double[] pi) {
        return reduced < -EPS * (Math.abs(cost[e]) + Math.abs(pi[src[e]]) + Math.abs(pi[dst[e]]));
    }
}
