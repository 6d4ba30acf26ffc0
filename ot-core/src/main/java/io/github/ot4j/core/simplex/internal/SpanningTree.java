package io.github.ot4j.core.simplex.internal;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The basis of the primal network simplex on a transportation network (n sources 0..n−1 with supply
 * a<sub>i</sub>, m targets n..n+m−1 with demand b<sub>j</sub>, a root n+m) and its pivot loop, stored as in
 * LEMON's {@code NetworkSimplex} (Kovács, "Minimum-cost flow algorithms: an experimental evaluation", 2015):
 * parent, predecessor arc and its direction, the flow on it, a preorder {@code thread} with its reverse, subtree
 * sizes and last successors, so that re-hanging a subtree costs time linear in its size; node potentials π with
 * C + π<sub>source</sub> − π<sub>target</sub> = 0 on tree arcs; the leaving arc by Cunningham's rule (which keeps
 * the tree strongly feasible and prevents cycling).
 *
 * <p>Arcs are numbered by the caller: a real arc source → target is a number e ≥ 0 that {@link TreeArcs} maps to
 * its ends and cost (the dense solver numbers i·m + j, the sparse one its position in a candidate list); the
 * artificial arc between node w and the root is −1 − w (w → root when {@code artUp}[w], else root → w). A bit
 * set records which real arcs are in the tree; it grows with {@link #ensureArcs}.
 *
 * <p>{@link GreedyForest} sets the artificial arcs of the start and {@link TreeLayout} lays it out; the pivot loop,
 * the potentials and the flows are this class's own. Not thread-safe.
 */
public final class SpanningTree {

    /** The pred arc of a node points from the node to its parent. */
    static final int UP = 1;
    /** The pred arc of a node points from its parent to the node. */
    static final int DOWN = -1;

    /** The number of sources. */
    public final int n;
    /** The number of targets. */
    public final int m;
    final int root;
    final int[] parent;
    final int[] thread;
    final int[] revThread;
    final int[] succNum;
    final int[] lastSucc;
    final long[] pred;
    final int[] predDir;
    /** The flow on each node's pred arc. */
    private final double[] flow;
    /** The node potentials π (π<sub>root</sub> = 0). */
    private final double[] pi;
    /** Whether the potentials are anchored at the real nodes' median (the polish after the first optimum). */
    private boolean precise;
    /** a<sub>i</sub> on sources, −b<sub>j</sub> on targets, 0 at the root. */
    final double[] supply;
    /** Whether node w's artificial arc points to the root. */
    final boolean[] artUp;
    /** The cost of node w's artificial arc. */
    final double[] artCost;
    final TreeArcs arcs;
    private final String name;
    final ArcBits inTree = new ArcBits();
    /** Thread positions to fix after a re-hang (at most one per node of the reversed path). */
    private final int[] dirty;
    private long iterations;

    /**
     * @param a      the supplies
     * @param b      the demands, of equal sum
     * @param arcs   the real arcs
     * @param name   the solver's name for messages, e.g. "network simplex"
     * @param nArcs  real arcs numbered so far (the in-tree bit set's first size)
     */
    public SpanningTree(double[] a, double[] b, TreeArcs arcs, String name, long nArcs) {
        this.n = a.length;
        this.m = b.length;
        this.root = n + m;
        this.arcs = arcs;
        this.name = name;
        int nodes = n + m + 1;
        parent = new int[nodes];
        thread = new int[nodes];
        revThread = new int[nodes];
        succNum = new int[nodes];
        lastSucc = new int[nodes];
        pred = new long[nodes];
        predDir = new int[nodes];
        flow = new double[nodes];
        pi = new double[nodes];
        artUp = new boolean[nodes];
        artCost = new double[nodes];
        dirty = new int[nodes + 1];
        supply = new double[nodes];
        System.arraycopy(a, 0, supply, 0, n);
        for (int j = 0; j < m; j++) {
            supply[n + j] = -b[j];
        }
        ensureArcs(nArcs);
    }

    /** Makes room in the in-tree bit set for real arcs 0..count−1. */
    public void ensureArcs(long count) {
        inTree.ensure(count);
    }

    /** @return whether the real arc e is in the tree */
    public boolean isTree(long e) {
        return inTree.get(e);
    }

    /** @return the node potentials π (sources 0..n−1, targets n..n+m−1, π<sub>root</sub> = 0); live, do not modify */
    public double[] potentials() {
        return pi;
    }

    /** @return the pivots done so far */
    public long iterations() {
        return iterations;
    }

    int source(long e) {
        if (e >= 0) {
            return arcs.source(e);
        }
        int w = (int) (-1 - e);
        return artUp[w] ? w : root;
    }

    private double cost(long e) {
        return e >= 0 ? arcs.cost(e) : artCost[(int) (-1 - e)];
    }

    /**
     * Lays out the tree of the given real and artificial arcs ({@link TreeLayout}), then sets its flows.
     *
     * @param forest the real arcs and the nodes hanging from the root by their artificial arc ({@code artUp} and
     *               {@code artCost} set)
     * @throws TransportSolverException with {@link SolverStatus#FAILED} when the arcs do not span every node
     */
    public void build(GreedyForest forest) {
        TreeLayout.layOut(this, forest);
        resyncFlows();
    }

    /**
     * Pivots until the pricing finds no entering arc with exact prices and potentials recomputed from the tree;
     * then recomputes the flows. May be called again after more arcs were numbered: it continues from the basis.
     *
     * @param pricing       the entering-arc search
     * @param maxIterations the pivot cap over all calls
     * @throws TransportSolverException with {@link SolverStatus#ITERATION_LIMIT} at the cap
     * @throws CancellationException    when the thread is interrupted
     */
    public void optimize(Pricing pricing, long maxIterations) {
        precise = false;
        resyncPotentials();
        boolean synced = true;
        long polishPivots = 0;
        while (true) {
            long inArc = enteringArc(pricing);
            if (inArc < 0) {
                if (pricing.refine() || !synced) {
                    // approximate prices see nothing more, or potentials drifted by rounding over many pivots:
                    // recompute them exactly, then price again
                    resyncPotentials();
                    synced = true;
                    continue;
                }
                if (precise) {
                    break;
                }
                // optimal at the root-anchored potentials: polish with small ones, a bounded number of pivots
                precise = true;
                polishPivots = 4L * (n + m) + 64;
                resyncPotentials();
                continue;
            }
            if (iterations >= maxIterations) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, name + " stopped after "
                        + iterations + " pivots (maxIterations) on a " + n + " x " + m + " problem");
            }
            if (precise && --polishPivots < 0) {
                resyncPotentials();
                break;
            }
            if ((++iterations & 0x3fff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException(name + " cancelled (thread interrupted) after " + iterations
                        + " pivots");
            }
            synced = false;
            pivot(inArc, pricing.inCost());
        }
        resyncFlows();
    }

    /** Asks the pricing for an entering arc; a tree arc priced negative means drift: resync once and ask again. */
    private long enteringArc(Pricing pricing) {
        for (int attempt = 0; attempt < 2; attempt++) {
            long arc = pricing.search(pi);
            if (arc != Pricing.DRIFTED) {
                return arc;
            }
            resyncPotentials();
        }
        throw new TransportSolverException(SolverStatus.FAILED, name + ": a tree arc keeps a negative reduced cost "
                + "after recomputing the potentials (numerical trouble) on a " + n + " x " + m + " problem");
    }

    /**
     * C + π<sub>source</sub> − π<sub>target</sub> = 0 on every tree arc, in preorder, from π<sub>root</sub> = 0; once
     * {@link #optimize} polishes, re-anchored at the real nodes' median, so that small potentials resolve small reduced
     * costs (not ulp of the artificial cost M).
     */
    public void resyncPotentials() {
        potentialsFrom(0);
        if (!precise) {
            return;
        }
        double[] sorted = Arrays.copyOf(pi, root);
        Arrays.sort(sorted);
        double mid = sorted[root / 2];
        if (mid != 0 && Double.isFinite(mid)) {
            potentialsFrom(-mid);
        }
    }

    private void potentialsFrom(double rootPotential) {
        pi[root] = rootPotential;
        for (int x = thread[root]; x != root; x = thread[x]) {
            double c = cost(pred[x]);
            pi[x] = predDir[x] == UP ? pi[parent[x]] - c : pi[parent[x]] + c;
        }
    }

    /** The unique flow of the tree: each pred arc carries its subtree's net supply (children first). */
    private void resyncFlows() {
        double[] net = supply.clone();
        double worst = 0;
        double mass = 0;
        for (int x = 0; x < root; x++) {
            mass += Math.max(supply[x], 0);
        }
        for (int x = revThread[root]; x != root; x = revThread[x]) {
            double f = predDir[x] == UP ? net[x] : -net[x];
            worst = Math.min(worst, f);
            flow[x] = Math.max(f, 0);
            net[parent[x]] += net[x];
        }
        if (worst < -TransportProblem.MASS_TOLERANCE * mass) {
            throw new TransportSolverException(SolverStatus.FAILED, name + ": the basis carries a flow of "
                    + worst + " (total mass " + mass + ") on a " + n + " x " + m + " problem, an infeasible tree");
        }
    }

    // ---------------------------------------------------------------- results

    /**
     * Visits the real tree arcs with positive flow.
     *
     * @param rows   receives source indices (length ≥ n + m)
     * @param cols   receives target indices 0..m−1
     * @param masses receives flows
     * @return the number of entries written
     */
    public int plan(int[] rows, int[] cols, double[] masses) {
        int k = 0;
        for (int u = 0; u < root; u++) {
            long e = pred[u];
            if (e >= 0 && flow[u] > 0) {
                rows[k] = arcs.source(e);
                cols[k] = arcs.target(e) - n;
                masses[k] = flow[u];
                k++;
            }
        }
        return k;
    }

    /** @return the largest flow left on an artificial arc (0 at a feasible optimum) */
    public double artificialFlow() {
        double worst = 0;
        for (int u = 0; u < root; u++) {
            if (pred[u] < 0) {
                worst = Math.max(worst, flow[u]);
            }
        }
        return worst;
    }

    // ---------------------------------------------------------------- pivot

    /** One pivot on the entering arc: the cycle's join node, the leaving arc, the flow, the tree, the potentials. */
    private void pivot(long inArc, double inCost) {
        int first = arcs.source(inArc);
        int second = arcs.target(inArc);
        int join = joinNode(first, second);
        // Cunningham's rule: the last blocking arc met walking the cycle in its orientation from the join node
        double delta = Double.POSITIVE_INFINITY;
        int uOut = -1;
        boolean firstSide = true;
        for (int u = first; u != join; u = parent[u]) {
            if (predDir[u] == UP && flow[u] < delta) {
                delta = flow[u];
                uOut = u;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (predDir[u] == DOWN && flow[u] <= delta) {
                delta = flow[u];
                uOut = u;
                firstSide = false;
            }
        }
        if (uOut < 0) {
            throw new TransportSolverException(SolverStatus.UNBOUNDED, name + " found a cycle without a blocking "
                    + "arc on a " + n + " x " + m + " problem");
        }
        int uIn = firstSide ? first : second;
        int vIn = firstSide ? second : first;
        if (delta > 0) {
            for (int u = first; u != join; u = parent[u]) {
                flow[u] -= predDir[u] * delta;
            }
            for (int u = second; u != join; u = parent[u]) {
                flow[u] += predDir[u] * delta;
            }
            flow[uOut] = 0;
        }
        long leaving = pred[uOut];
        rehang(inArc, uIn, vIn, uOut, join, delta);
        // shift the potentials of the moved subtree so that the entering arc has zero reduced cost
        double sigma = pi[vIn] - pi[uIn] - predDir[uIn] * inCost;
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
        inTree.set(inArc, true);
        if (leaving >= 0) {
            inTree.set(leaving, false);
        }
    }

    private int joinNode(int u, int v) {
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        return u;
    }

    /**
     * Re-hangs the subtree cut off by the leaving arc (the pred arc of {@code uOut}) below the entering arc
     * (LEMON's {@code updateTreeStructure}): the path uIn … uOut is reversed and hung from vIn by the entering arc,
     * which carries {@code delta}; uIn is the entering arc's end inside the moved subtree, vIn its other end,
     * uOut the node whose pred arc leaves, join the apex of the pivot cycle.
     */
    private void rehang(long inArc, int uIn, int vIn, int uOut, int join, double delta) {
        int oldRevThread = revThread[uOut];
        int oldSuccNum = succNum[uOut];
        int oldLastSucc = lastSucc[uOut];
        int vOut = parent[uOut];

        if (uIn == uOut) {
            parent[uIn] = vIn;
            pred[uIn] = inArc;
            predDir[uIn] = uIn < n ? UP : DOWN;
            flow[uIn] = delta;
            if (thread[vIn] != uOut) {
                int after = thread[oldLastSucc];
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
                after = thread[vIn];
                thread[vIn] = uOut;
                revThread[uOut] = vIn;
                thread[oldLastSucc] = after;
                revThread[after] = oldLastSucc;
            }
        } else {
            int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
            int stem = uIn;
            int parStem = vIn;
            int last = lastSucc[uIn];
            int after = thread[last];
            thread[vIn] = uIn;
            int dirtyCount = 0;
            dirty[dirtyCount++] = vIn;
            while (stem != uOut) {
                int nextStem = parent[stem];
                thread[last] = nextStem;
                    dirty[dirtyCount++] = last;

                int before = revThread[stem];
                thread[before] = after;
                revThread[after] = before;

                parent[stem] = parStem;
                parStem = stem;
                stem = nextStem;

                last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                after = thread[last];
            }
            parent[uOut] = parStem;
            thread[last] = threadContinue;
            revThread[threadContinue] = last;
            lastSucc[uOut] = last;

            if (oldRevThread != vIn) {
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
            }
            for (int k = 0; k < dirtyCount; k++) {
                int u = dirty[k];
                revThread[thread[u]] = u;
            }

            int tmpSc = 0;
            int tmpLs = lastSucc[uOut];
            for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                pred[u] = pred[p];
                predDir[u] = -predDir[p];
                flow[u] = flow[p];
                tmpSc += succNum[u] - succNum[p];
                succNum[u] = tmpSc;
                lastSucc[p] = tmpLs;
            }
            pred[uIn] = inArc;
            predDir[uIn] = uIn < n ? UP : DOWN;
            flow[uIn] = delta;
            succNum[uIn] = oldSuccNum;
        }

        int upLimitOut = lastSucc[join] == vIn ? join : -1;
        int lastSuccOut = lastSucc[uOut];
        for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
            lastSucc[u] = lastSuccOut;
        }
        if (join != oldRevThread && vIn != oldRevThread) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = oldRevThread;
            }
        } else if (lastSuccOut != oldLastSucc) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
        }
        for (int u = vIn; u != join; u = parent[u]) {
            succNum[u] += oldSuccNum;
        }
        for (int u = vOut; u != join; u = parent[u]) {
            succNum[u] -= oldSuccNum;
        }
    }
}
