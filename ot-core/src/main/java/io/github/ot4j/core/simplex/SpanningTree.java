package io.github.ot4j.core.simplex;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * The basis of the network simplex: a spanning tree over the n sources, m targets and the root n+m, stored as in
 * LEMON's {@code NetworkSimplex} (Kovács 2015): parent, predecessor arc and its direction, the flow on it, a
 * preorder {@code thread} with its reverse, subtree sizes and last successors, so that re-hanging a subtree
 * costs time linear in its size. Arcs are numbered i·m + j for the real arc i → j and n·m + w for the
 * artificial arc between node w and the root (w → root when {@link #artUp}[w], else root → w); a bit set records
 * which real arcs are in the tree.
 *
 * <p>The arrays are package-private fields that {@link NetworkSimplex} reads and writes in its pivots.
 */
final class SpanningTree {

    /** The pred arc of a node points from the node to its parent. */
    static final int UP = 1;
    /** The pred arc of a node points from its parent to the node. */
    static final int DOWN = -1;

    final int n;
    final int m;
    final int root;
    final long realArcs;

    final int[] parent;
    final int[] thread;
    final int[] revThread;
    final int[] succNum;
    final int[] lastSucc;
    final long[] pred;
    final int[] predDir;
    /** The flow on each node's pred arc. */
    final double[] flow;
    /** Whether node w's artificial arc points to the root. */
    final boolean[] artUp;
    private final long[] inTree;
    private int[] dirty;

    SpanningTree(int n, int m) {
        this.n = n;
        this.m = m;
        this.root = n + m;
        this.realArcs = (long) n * m;
        int nodes = n + m + 1;
        parent = new int[nodes];
        thread = new int[nodes];
        revThread = new int[nodes];
        succNum = new int[nodes];
        lastSucc = new int[nodes];
        pred = new long[nodes];
        predDir = new int[nodes];
        flow = new double[nodes];
        artUp = new boolean[nodes];
        inTree = new long[(int) ((realArcs + 63) >>> 6)];
        dirty = new int[64];
    }

    /** @return the tail of arc e */
    int source(long e) {
        if (e < realArcs) {
            return (int) (e / m);
        }
        int w = (int) (e - realArcs);
        return artUp[w] ? w : root;
    }

    /** @return whether the real arc e is in the tree */
    boolean isTree(long e) {
        return (inTree[(int) (e >>> 6)] & (1L << e)) != 0;
    }

    /** Marks the real arc e as in or out of the tree. */
    void setTree(long e, boolean on) {
        if (on) {
            inTree[(int) (e >>> 6)] |= 1L << e;
        } else {
            inTree[(int) (e >>> 6)] &= ~(1L << e);
        }
    }

    /**
     * Lays out the tree of the given real and artificial arcs in the thread/parent arrays by a depth-first walk.
     *
     * @param forest     the real arcs
     * @param forestSize how many of {@code forest} are used
     * @param artNodes   the nodes hanging from the root by their artificial arc
     * @param artCount   how many of {@code artNodes} are used
     * @throws TransportSolverException with {@link SolverStatus#FAILED} when the arcs do not span every node
     */
    void build(long[] forest, int forestSize, int[] artNodes, int artCount) {
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

    /**
     * Re-hangs the subtree cut off by the leaving arc (the pred arc of {@code uOut}) below the entering arc
     * (LEMON's {@code updateTreeStructure}): the path uIn … uOut is reversed and hung from vIn by the entering arc,
     * which carries {@code delta}.
     *
     * @param inArc the entering arc
     * @param uIn   the end of the entering arc inside the moved subtree
     * @param vIn   its other end
     * @param uOut  the node whose pred arc leaves
     * @param join  the apex of the pivot cycle
     * @param delta the flow of the entering arc
     */
    void rehang(long inArc, int uIn, int vIn, int uOut, int join, double delta) {
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
}
