package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The primal network simplex on a growing list of arcs i → j of the transportation network (n sources with
 * supply a<sub>i</sub>, m targets with demand b<sub>j</sub>, a root node n + m reached by one artificial arc per
 * node): the spanning-tree basis of LEMON as in {@code io.github.ot4j.core.simplex.NetworkSimplex} (parent,
 * thread, reverse thread, subtree sizes, last successors; Cunningham's leaving rule; block search), but over an
 * explicit arc list instead of all n·m pairs, so that memory is O(n + m + arcs). {@link #addArcs} appends arcs
 * and {@link #run()} continues from the current basis, which stays valid: the shortlist solver alternates the
 * two.
 *
 * <p>Reduced cost of arc s → t: C + π<sub>s</sub> − π<sub>t</sub> (0 on tree arcs). Not thread-safe.
 */
final class SparseNetworkSimplex {

    private static final int UP = 1;
    private static final int DOWN = -1;
    /** An arc enters only if C + π<sub>s</sub> − π<sub>t</sub> &lt; −EPS·(|C| + |π<sub>s</sub>| + |π<sub>t</sub>|). */
    static final double EPS = 1e-14;

    private final int n;
    private final int m;
    private final int root;
    private final double[] supply;
    private final long maxIterations;

    private int arcs;
    private int[] src = new int[16];
    private int[] dst = new int[16];
    private double[] cost = new double[16];
    private boolean[] tree = new boolean[16];

    private final int[] parent;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    /** The arc to the parent: ≥ 0 a real arc, −1 − w the artificial arc of node w. */
    private final int[] pred;
    private final int[] predDir;
    private final double[] flow;
    private final double[] pi;
    private final boolean[] artUp;
    private final double[] artCost;
    private int[] dirty = new int[64];

    private boolean started;
    /** The number of first arcs that form the starting basis (0: a greedy forest and big-M artificial arcs). */
    private int basisArcs;
    private int inArc;
    private double inCost;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private double delta;
    private int nextArc;
    private long iterations;

    /**
     * @param a             the supplies
     * @param b             the demands, of equal sum
     * @param maxIterations the pivot cap over all runs
     */
    SparseNetworkSimplex(double[] a, double[] b, long maxIterations) {
        n = a.length;
        m = b.length;
        root = n + m;
        this.maxIterations = maxIterations;
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
        pred = new int[nodes];
        predDir = new int[nodes];
        flow = new double[nodes];
        pi = new double[nodes];
        artUp = new boolean[nodes];
        artCost = new double[nodes];
    }

    /** @return the number of arcs held */
    int arcCount() {
        return arcs;
    }

    /** @return the pivots done so far */
    long iterations() {
        return iterations;
    }

    /**
     * Appends arcs (duplicates are harmless but waste memory; the caller avoids them).
     *
     * @param is    source indices
     * @param js    target indices
     * @param cs    their costs
     * @param count how many of the arrays' first entries to add
     */
    void addArcs(int[] is, int[] js, double[] cs, int count) {
        if (arcs + count > src.length) {
            int capacity = Math.max(arcs + count, (int) Math.min(Integer.MAX_VALUE - 8, 3L * src.length / 2));
            src = Arrays.copyOf(src, capacity);
            dst = Arrays.copyOf(dst, capacity);
            cost = Arrays.copyOf(cost, capacity);
            tree = Arrays.copyOf(tree, capacity);
        }
        for (int k = 0; k < count; k++) {
            src[arcs] = is[k];
            dst[arcs] = n + js[k];
            cost[arcs] = cs[k];
            arcs++;
        }
    }

    /**
     * Declares the arcs held so far (n + m − 1 of them, a spanning tree of the n + m nodes whose unique flow is
     * nonnegative, such as a north-west-corner plan) the starting basis; the first {@link #run} then starts from
     * it, hung from the root by one artificial arc of zero flow, so that no big M enters the potentials.
     */
    void useArcsAsBasis() {
        if (arcs != n + m - 1) {
            throw new IllegalStateException("a basis has n + m - 1 = " + (n + m - 1) + " arcs, not " + arcs);
        }
        basisArcs = arcs;
    }

    /**
     * Runs to optimality on the arcs held; the first run builds a greedy starting basis from them.
     *
     * @param maxCost the largest |C<sub>ij</sub>| of the whole problem (sets the big M of the artificial arcs)
     * @throws TransportSolverException with {@link SolverStatus#ITERATION_LIMIT} at the pivot cap
     * @throws CancellationException    when the thread is interrupted
     */
    void run(double maxCost) {
        if (!started) {
            if (basisArcs > 0) {
                spanningStart();
            } else {
                initialize(maxCost);
            }
            started = true;
        }
        resyncPotentials();
        boolean synced = true;
        while (true) {
            if (!findEnteringArc()) {
                if (synced) {
                    break;
                }
                resyncPotentials();
                synced = true;
                continue;
            }
            if (iterations >= maxIterations) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "sparse network simplex stopped after "
                        + iterations + " pivots (maxIterations) on a " + n + " x " + m + " problem");
            }
            if ((++iterations & 0x3fff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("shortlist solve cancelled (thread interrupted) after " + iterations
                        + " pivots");
            }
            synced = false;
            findJoinNode();
            findLeavingArc();
            changeFlow();
            int leaving = pred[uOut];
            updateTreeStructure();
            updatePotential();
            tree[inArc] = true;
            if (leaving >= 0) {
                tree[leaving] = false;
            }
        }
        resyncFlows();
    }

    /** @return the node potentials π (sources 0..n−1, targets n..n+m−1); live, do not modify */
    double[] potentials() {
        return pi;
    }

    /** @return the largest flow on an artificial arc (0 when the arcs held admit a feasible plan) */
    double artificialFlow() {
        double worst = 0;
        for (int u = 0; u < root; u++) {
            if (pred[u] < 0) {
                worst = Math.max(worst, flow[u]);
            }
        }
        return worst;
    }

    /**
     * Writes the real tree arcs with positive flow.
     *
     * @return the number written (≤ n + m)
     */
    int plan(int[] rows, int[] cols, double[] masses) {
        int k = 0;
        for (int u = 0; u < root; u++) {
            int e = pred[u];
            if (e >= 0 && flow[u] > 0) {
                rows[k] = src[e];
                cols[k] = dst[e] - n;
                masses[k] = flow[u];
                k++;
            }
        }
        return k;
    }

    // ---------------------------------------------------------------- start

    private void initialize(double maxCost) {
        long[] keys = new long[arcs];
        for (int e = 0; e < arcs; e++) {
            keys[e] = ((long) Float.floatToIntBits((float) Math.max(0, cost[e])) << 32) | e;
        }
        Arrays.sort(keys);
        double[] residual = supply.clone();
        for (int j = 0; j < m; j++) {
            residual[n + j] = -residual[n + j];
        }
        int[] uf = new int[n + m];
        for (int k = 0; k < uf.length; k++) {
            uf[k] = k;
        }
        int[] forest = new int[n + m];
        int forestSize = 0;
        for (long key : keys) {
            int e = (int) key;
            int i = src[e];
            int t = dst[e];
            if (residual[i] > 0 && residual[t] > 0) {
                int ri = find(uf, i);
                int rt = find(uf, t);
                if (ri != rt) {
                    uf[ri] = rt;
                    forest[forestSize++] = e;
                    if (residual[i] <= residual[t]) {
                        residual[t] -= residual[i];
                        residual[i] = 0;
                    } else {
                        residual[i] -= residual[t];
                        residual[t] = 0;
                    }
                }
            }
        }
        int[] rep = new int[n + m];
        Arrays.fill(rep, -1);
        for (int w = 0; w < n + m; w++) {
            if (residual[w] > 0) {
                rep[find(uf, w)] = w;
            }
        }
        double art = (maxCost + 1) * (n + m);
        if (!Double.isFinite(art * 4)) {
            throw new TransportSolverException(SolverStatus.FAILED, "costs up to " + maxCost + " are too large for "
                    + "the big-M start on a " + n + " x " + m + " problem");
        }
        int artCount = 0;
        int[] artNodes = new int[n + m];
        for (int w = 0; w < n + m; w++) {
            if (find(uf, w) == w) {
                int r = rep[w] >= 0 ? rep[w] : w;
                artUp[r] = r < n || residual[r] <= 0;
                artCost[r] = artUp[r] ? 0 : art;
                artNodes[artCount++] = r;
            }
        }
        buildTree(forest, forestSize, artNodes, artCount);
    }

    private void spanningStart() {
        int[] forest = new int[basisArcs];
        for (int e = 0; e < basisArcs; e++) {
            forest[e] = e;
        }
        artUp[0] = true;
        artCost[0] = 0;
        buildTree(forest, basisArcs, new int[] {0}, 1);
    }

    private static int find(int[] uf, int x) {
        while (uf[x] != x) {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        return x;
    }

    private void buildTree(int[] forest, int forestSize, int[] artNodes, int artCount) {
        int nodes = n + m + 1;
        int edges = forestSize + artCount;
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] next = new int[2 * edges];
        int[] other = new int[2 * edges];
        int[] arcOf = new int[2 * edges];
        int k = 0;
        for (int f = 0; f < edges; f++) {
            int e;
            int s;
            int t;
            if (f < forestSize) {
                e = forest[f];
                s = src[e];
                t = dst[e];
                tree[e] = true;
            } else {
                int w = artNodes[f - forestSize];
                e = -1 - w;
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
        pred[root] = Integer.MIN_VALUE;
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
        resyncFlows();
    }

    // ---------------------------------------------------------------- arcs

    private int source(int e) {
        if (e >= 0) {
            return src[e];
        }
        int w = -1 - e;
        return artUp[w] ? w : root;
    }

    private double arcCost(int e) {
        return e >= 0 ? cost[e] : artCost[-1 - e];
    }

    private void resyncPotentials() {
        pi[root] = 0;
        for (int x = thread[root]; x != root; x = thread[x]) {
            double c = arcCost(pred[x]);
            pi[x] = predDir[x] == UP ? pi[parent[x]] - c : pi[parent[x]] + c;
        }
    }

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
            throw new TransportSolverException(SolverStatus.FAILED, "sparse network simplex: the basis carries a flow "
                    + "of " + worst + " (total mass " + mass + "), an infeasible tree");
        }
    }

    // ---------------------------------------------------------------- pivot

    /** Block search over the arc list, cyclically from where the last search stopped. */
    private boolean findEnteringArc() {
        int block = Math.max(10, (int) Math.ceil(Math.sqrt(arcs)));
        for (int attempt = 0; attempt < 2; attempt++) {
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
                    if (bestArc >= 0 && accept(bestArc, best)) {
                        if (tree[bestArc]) {
                            break;
                        }
                        nextArc = e;
                        inArc = bestArc;
                        inCost = cost[bestArc];
                        return true;
                    }
                    count = block;
                }
            }
            if (bestArc < 0 || !tree[bestArc] || !accept(bestArc, best)) {
                return false;
            }
            resyncPotentials();
        }
        throw new TransportSolverException(SolverStatus.FAILED, "sparse network simplex: a tree arc keeps a negative "
                + "reduced cost after recomputing the potentials (numerical trouble)");
    }

    private boolean accept(int e, double reduced) {
        return reduced < -EPS * (Math.abs(cost[e]) + Math.abs(pi[src[e]]) + Math.abs(pi[dst[e]]));
    }

    private void findJoinNode() {
        int u = src[inArc];
        int v = dst[inArc];
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    private void findLeavingArc() {
        int first = src[inArc];
        int second = dst[inArc];
        delta = Double.POSITIVE_INFINITY;
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            if (predDir[u] == UP && flow[u] < delta) {
                delta = flow[u];
                uOut = u;
                result = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (predDir[u] == DOWN && flow[u] <= delta) {
                delta = flow[u];
                uOut = u;
                result = 2;
            }
        }
        if (result == 0) {
            throw new TransportSolverException(SolverStatus.UNBOUNDED, "sparse network simplex found a cycle without "
                    + "a blocking arc");
        }
        uIn = result == 1 ? first : second;
        vIn = result == 1 ? second : first;
    }

    private void changeFlow() {
        if (delta > 0) {
            int first = src[inArc];
            int second = dst[inArc];
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
