package io.github.ot4j.core.simplex;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * One run of the primal network simplex method on the transportation network: n source nodes 0..n−1 with
 * supply a<sub>i</sub>, m target nodes n..n+m−1 with demand b<sub>j</sub>, the n·m arcs i → j with cost
 * C<sub>ij</sub> and unbounded capacity, and an artificial root node n+m.
 *
 * <p>The basis is a spanning tree stored as in LEMON's {@code NetworkSimplex} (Kovács, "Minimum-cost flow
 * algorithms: an experimental evaluation", 2015): parent, predecessor arc and its direction, preorder
 * {@code thread} with its reverse, subtree sizes and last successors, so that a pivot costs time linear in
 * the size of the subtree that moves. Node potentials π satisfy C<sub>ij</sub> + π<sub>i</sub> − π<sub>j</sub>
 * = 0 on tree arcs; an arc with negative reduced cost enters, found by block search (Grigoriadis 1986): scan
 * blocks of about √(n·m) arcs cyclically and take the most negative of the first block that has one. The
 * leaving arc is chosen by Cunningham's rule, which keeps the tree strongly feasible and prevents cycling.
 *
 * <p>Start: a forest of real arcs is grown greedily from the two arcs of smallest reduced cost
 * C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> of each row and of each column (u = v = 0 on a cold start, the given
 * potentials on a warm start), each arc carrying as much mass as both ends still have, so that every component
 * keeps at most one node with mass left. Each component then hangs from the root by an artificial arc carrying
 * that mass. Artificial costs give each component the potentials the start asks for; components that still
 * need mass sit a big M = (max|C| + 1)·(n + m) higher, so that a path source → root → target costs more than
 * any real path and no optimum keeps mass on an artificial arc. Every real tree arc carries positive flow and
 * every zero-flow artificial arc points to the root, so the start is strongly feasible.
 *
 * <p>Pricing may use approximate costs ({@link ArcCosts.FloatDense}): every candidate is then re-priced exactly,
 * and when the approximate prices find nothing more the search goes on with exact ones until they prove
 * optimality.
 *
 * <p>Not thread-safe: one instance per solve.
 */
final class NetworkSimplex {

    /** The pred arc of a node points from the node to its parent. */
    private static final int UP = 1;
    /** The pred arc of a node points from its parent to the node. */
    private static final int DOWN = -1;
    /**
     * An arc enters only if its reduced cost r satisfies r &lt; −EPS·(|C<sub>ij</sub>| + |π<sub>i</sub>| +
     * |π<sub>j</sub>|): a few units in the last place of the terms, far below the certificate's 1e-9.
     */
    static final double EPS = 1e-14;
    /**
     * The final exact pricing pass must find no reduced cost below −OPTIMALITY_TOLERANCE·max |C| (1 when every cost is 0),
     * else the solve fails rather than return a plan that may not be optimal.
     */
    static final double OPTIMALITY_TOLERANCE = 1e-9;

    private final int n;
    private final int m;
    private final int root;
    private final long realArcs;
    /** The exact costs. */
    private final ArcCosts costs;
    /** The costs used to look for entering arcs: the exact ones, or approximations until they find none. */
    private ArcCosts pricing;
    private final double[] supply;
    private final long maxIterations;
    private final int blockSize;

    private final int[] parent;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    private final long[] pred;
    private final int[] predDir;
    private final double[] flow;
    private final double[] pi;
    private final boolean[] artUp;
    private final double[] artCost;
    private final long[] inTree;
    private int[] dirty;

    private long inArc;
    private double inCost;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private double delta;
    private long nextArc;
    private long iterations;
    private long priced;
    /** The largest |C<sub>ij</sub>| seen by the start's full pass over the costs. */
    private double maxCost;
    /** The smallest reduced cost of the last full pricing pass that found no entering arc. */
    private double lastMinReduced;

    NetworkSimplex(double[] a, double[] b, ArcCosts costs, long maxIterations, int blockSize) {
        this.n = a.length;
        this.m = b.length;
        this.root = n + m;
        this.realArcs = (long) n * m;
        this.pricing = costs;
        this.costs = costs instanceof ArcCosts.FloatDense approximate ? approximate.exact() : costs;
        this.maxIterations = maxIterations;
        this.blockSize = blockSize > 0 ? blockSize : Math.max(10, (int) Math.ceil(Math.sqrt((double) realArcs)));
        int nodes = n + m + 1;
        supply = new double[nodes];
        System.arraycopy(a, 0, supply, 0, n);
        for (int j = 0; j < m; j++) {
            supply[n + j] = -b[j];
        }
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
        inTree = new long[(int) ((realArcs + 63) >>> 6)];
        dirty = new int[64];
    }

    /** @return the number of pivots done */
    long iterations() {
        return iterations;
    }

    /** @return the number of reduced costs computed while looking for entering arcs */
    long priced() {
        return priced;
    }

    /**
     * Runs the method to optimality.
     *
     * @param u      source potentials to start from, or null for a cold start
     * @param v      target potentials to start from, or null
     * @param greedy whether to grow a greedy starting forest (else every node hangs from the root)
     * @throws TransportSolverException with {@link SolverStatus#ITERATION_LIMIT} when the cap is reached
     */
    void run(double[] u, double[] v, boolean greedy) {
        initialize(u, v, greedy);
        boolean synced = true;
        while (true) {
            if (!findEnteringArc()) {
                if (pricing != costs) {
                    // the approximate prices see nothing more: go on with exact ones until they prove optimality
                    pricing = costs;
                    resyncPotentials();
                    synced = true;
                    continue;
                }
                if (synced) {
                    break;
                }
                // potentials drift by rounding over many pivots: recompute them exactly, then price again
                resyncPotentials();
                synced = true;
                continue;
            }
            if (iterations >= maxIterations) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "network simplex stopped after "
                        + iterations + " pivots (maxIterations) on a " + n + " x " + m + " problem");
            }
            iterations++;
            synced = false;
            findJoinNode();
            findLeavingArc();
            changeFlow();
            long leaving = pred[uOut];
            updateTreeStructure();
            updatePotential();
            setTree(inArc, true);
            if (leaving < realArcs) {
                setTree(leaving, false);
            }
        }
        double floor = -OPTIMALITY_TOLERANCE * (maxCost > 0 ? maxCost : 1);
        if (lastMinReduced < floor) {
            throw new TransportSolverException(SolverStatus.FAILED, "network simplex stopped with a reduced cost of "
                    + lastMinReduced + " (below " + floor + ", costs up to " + maxCost + ") on a " + n + " x " + m
                    + " problem: the potentials are too large for the costs' precision");
        }
        resyncFlows();
    }

    // ---------------------------------------------------------------- results

    /** @return the node potentials π (sources 0..n−1, targets n..n+m−1) */
    double[] potentials() {
        return pi;
    }

    /**
     * Visits the real tree arcs with positive flow.
     *
     * @param rows   receives source indices (length ≥ n + m)
     * @param cols   receives target indices
     * @param masses receives flows
     * @return the number of entries written
     */
    int plan(int[] rows, int[] cols, double[] masses) {
        int k = 0;
        for (int u = 0; u < root; u++) {
            long e = pred[u];
            if (e < realArcs && flow[u] > 0) {
                rows[k] = (int) (e / m);
                cols[k] = (int) (e % m);
                masses[k] = flow[u];
                k++;
            }
        }
        return k;
    }

    /** @return the largest flow left on an artificial arc (0 at a feasible optimum) */
    double artificialFlow() {
        double worst = 0;
        for (int u = 0; u < root; u++) {
            if (pred[u] >= realArcs) {
                worst = Math.max(worst, flow[u]);
            }
        }
        return worst;
    }

    // ---------------------------------------------------------------- start

    private void initialize(double[] u, double[] v, boolean greedy) {
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
        double art = (maxAbs + 1) * (n + m);
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
        buildTree(forest, forestSize, artNodes, artCount);
        resyncPotentials();
        resyncFlows();
    }

    /** The potential π a warm start asks for at node w: −u<sub>i</sub> at a source, v<sub>j</sub> at a target. */
    private double startPotential(int w, double[] u, double[] v) {
        if (u == null) {
            return 0;
        }
        return w < n ? -u[w] : v[w - n];
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

    /** Lays out the tree of the given real and artificial arcs in the thread/parent arrays by a depth-first walk. */
    private void buildTree(long[] forest, int forestSize, int[] artNodes, int artCount) {
        int nodes = n + m + 1;
        int edges = forestSize + artCount;
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] next = new int[2 * edges];
        int[] other = new int[2 * edges];
        long[] arcOf = new long[2 * edges];
        int k = 0;
        for (int f = 0; f < forestSize + artCount; f++) {
            long e;
            int s;
            int t;
            if (f < forestSize) {
                e = forest[f];
                s = (int) (e / m);
                t = n + (int) (e % m);
                setTree(e, true);
            } else {
                int w = artNodes[f - forestSize];
                e = realArcs + w;
                s = w;
                t = root;
            }
            other[k] = t;
            arcOf[k] = e;
            next[k] = head[s];
            head[s] = k++;
            other[k] = s;
            arcOf[k] = e;
            next[k] = head[t];
            head[t] = k++;
        }
        int[] stack = new int[nodes];
        boolean[] seen = new boolean[nodes];
        int sp = 0;
        stack[sp++] = root;
        seen[root] = true;
        parent[root] = -1;
        pred[root] = -1;
        int previous = -1;
        int visited = 0;
        while (sp > 0) {
            int x = stack[--sp];
            visited++;
            if (previous >= 0) {
                thread[previous] = x;
                revThread[x] = previous;
            }
            previous = x;
            for (int h = head[x]; h >= 0; h = next[h]) {
                int w = other[h];
                if (!seen[w]) {
                    seen[w] = true;
                    parent[w] = x;
                    pred[w] = arcOf[h];
                    predDir[w] = source(arcOf[h]) == w ? UP : DOWN;
                    stack[sp++] = w;
                }
            }
        }
        if (visited != nodes) {
            throw new TransportSolverException(SolverStatus.FAILED, "the starting basis spans " + visited + " of "
                    + nodes + " nodes");
        }
        thread[previous] = root;
        revThread[root] = previous;
        // subtree sizes and last successors, children before parents (reverse preorder)
        Arrays.fill(succNum, 1);
        boolean[] hasLast = new boolean[nodes];
        for (int x = 0; x < nodes; x++) {
            lastSucc[x] = x;
        }
        for (int x = revThread[root]; x != root; x = revThread[x]) {
            int p = parent[x];
            succNum[p] += succNum[x];
            if (!hasLast[p]) {
                hasLast[p] = true;
                lastSucc[p] = lastSucc[x];
            }
        }
    }

    // ---------------------------------------------------------------- arcs

    private int source(long e) {
        if (e < realArcs) {
            return (int) (e / m);
        }
        int w = (int) (e - realArcs);
        return artUp[w] ? w : root;
    }

    private double cost(long e) {
        if (e < realArcs) {
            return costs.cost((int) (e / m), (int) (e % m));
        }
        return artCost[(int) (e - realArcs)];
    }

    private boolean isTree(long e) {
        return (inTree[(int) (e >>> 6)] & (1L << e)) != 0;
    }

    private void setTree(long e, boolean on) {
        if (on) {
            inTree[(int) (e >>> 6)] |= 1L << e;
        } else {
            inTree[(int) (e >>> 6)] &= ~(1L << e);
        }
    }

    // ---------------------------------------------------------------- exact recomputation

    /** π<sub>root</sub> = 0 and C + π<sub>source</sub> − π<sub>target</sub> = 0 on every tree arc, in preorder. */
    private void resyncPotentials() {
        pi[root] = 0;
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
            throw new TransportSolverException(SolverStatus.FAILED, "network simplex: the basis carries a flow of "
                    + worst + " (total mass " + mass + ") on a " + n + " x " + m + " problem, an infeasible tree");
        }
    }

    // ---------------------------------------------------------------- pivot

    /** Block search over the real arcs, row-major, cyclically from where the last search stopped. */
    private boolean findEnteringArc() {
        for (int attempt = 0; attempt < 2; attempt++) {
            double best = 0;
            long bestArc = -1;
            long e = nextArc;
            long scanned = 0;
            int count = blockSize;
            while (scanned < realArcs) {
                int i = (int) (e / m);
                int j = (int) (e - (long) i * m);
                int len = (int) Math.min(Math.min(m - j, count), realArcs - scanned);
                double r = pricing.rowMin(i, j, j + len, pi[i], pi, n, best);
                if (r < best) {
                    best = r;
                    bestArc = (long) i * m + pricing.argmin;
                }
                scanned += len;
                priced += len;
                count -= len;
                e += len;
                if (e == realArcs) {
                    e = 0;
                }
                if (count == 0 || scanned == realArcs) {
                    if (bestArc >= 0 && accept(bestArc, best)) {
                        if (isTree(bestArc)) {
                            break;
                        }
                        nextArc = e;
                        inArc = bestArc;
                        return true;
                    }
                    count = blockSize;
                }
            }
            if (bestArc < 0 || !isTree(bestArc) || !accept(bestArc, best)) {
                lastMinReduced = best;
                return false;
            }
            // a tree arc priced negative: the potentials drifted; recompute and search again
            resyncPotentials();
        }
        throw new TransportSolverException(SolverStatus.FAILED, "network simplex: a tree arc keeps a negative "
                + "reduced cost after recomputing the potentials (numerical trouble) on a " + n + " x " + m
                + " problem");
    }

    /** Whether arc e has, exactly, a negative reduced cost beyond rounding (then its cost is kept). */
    private boolean accept(long e, double approximate) {
        int i = (int) (e / m);
        int j = n + (int) (e % m);
        double c = costs.cost(i, j - n);
        double reduced = pricing == costs ? approximate : c + pi[i] - pi[j];
        if (reduced < -EPS * (Math.abs(c) + Math.abs(pi[i]) + Math.abs(pi[j]))) {
            inCost = c;
            return true;
        }
        return false;
    }

    private void findJoinNode() {
        int u = (int) (inArc / m);
        int v = n + (int) (inArc % m);
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    /** Cunningham's rule: the last blocking arc met walking the cycle in its orientation from the join node. */
    private void findLeavingArc() {
        int first = (int) (inArc / m);
        int second = n + (int) (inArc % m);
        delta = Double.POSITIVE_INFINITY;
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            if (predDir[u] == UP) {
                double d = flow[u];
                if (d < delta) {
                    delta = d;
                    uOut = u;
                    result = 1;
                }
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (predDir[u] == DOWN) {
                double d = flow[u];
                if (d <= delta) {
                    delta = d;
                    uOut = u;
                    result = 2;
                }
            }
        }
        if (result == 0) {
            throw new TransportSolverException(SolverStatus.UNBOUNDED, "network simplex found a cycle without "
                    + "a blocking arc on a " + n + " x " + m + " problem");
        }
        if (result == 1) {
            uIn = first;
            vIn = second;
        } else {
            uIn = second;
            vIn = first;
        }
    }

    private void changeFlow() {
        if (delta > 0) {
            int first = (int) (inArc / m);
            int second = n + (int) (inArc % m);
            for (int u = first; u != join; u = parent[u]) {
                flow[u] -= predDir[u] * delta;
            }
            for (int u = second; u != join; u = parent[u]) {
                flow[u] += predDir[u] * delta;
            }
            flow[uOut] = 0;
        }
    }

    /** Re-hangs the subtree cut off by the leaving arc below the entering arc (LEMON's update). */
    private void updateTreeStructure() {
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
            dirty = grow(dirty, dirtyCount);
            dirty[dirtyCount++] = vIn;
            while (stem != uOut) {
                int nextStem = parent[stem];
                thread[last] = nextStem;
                dirty = grow(dirty, dirtyCount);
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

    private static int[] grow(int[] array, int size) {
        return size < array.length ? array : Arrays.copyOf(array, 2 * array.length);
    }

    /** Shifts the potentials of the moved subtree so that the entering arc has zero reduced cost. */
    private void updatePotential() {
        double sigma = pi[vIn] - pi[uIn] - predDir[uIn] * inCost;
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
    }
}
