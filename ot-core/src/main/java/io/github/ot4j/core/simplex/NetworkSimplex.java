package io.github.ot4j.core.simplex;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportSolverException;

/**
 * One run of the primal network simplex method on the transportation network: n source nodes 0..n−1 with
 * supply a<sub>i</sub>, m target nodes n..n+m−1 with demand b<sub>j</sub>, the n·m arcs i → j with cost
 * C<sub>ij</sub> and unbounded capacity, and an artificial root node n+m.
 *
 * <p>The method in four pieces: {@link StartingBasis} grows the greedy, strongly feasible start with its big-M
 * artificial arcs; {@link SpanningTree} stores the basis as in LEMON (Kovács, "Minimum-cost flow algorithms: an
 * experimental evaluation", 2015) and re-hangs subtrees; {@link BlockPricing} finds entering arcs by block search
 * (Grigoriadis 1986); this class runs the loop and does the pivot itself: node potentials π with
 * C<sub>ij</sub> + π<sub>i</sub> − π<sub>j</sub> = 0 on tree arcs, the leaving arc by Cunningham's rule (which
 * keeps the tree strongly feasible and prevents cycling), the flow change and the potential update, and the
 * exact recomputations of potentials and flows from the tree.
 *
 * <p>Pricing may use approximate costs ({@link ArcCosts.FloatDense}): every candidate is then re-priced exactly,
 * and when the approximate prices find nothing more the search goes on with exact ones until they prove
 * optimality.
 *
 * <p>Not thread-safe: one instance per solve.
 */
final class NetworkSimplex {

    private static final int UP = SpanningTree.UP;
    private static final int DOWN = SpanningTree.DOWN;
    /** {@link BlockPricing#EPS}, the entering test's relative threshold. */
    static final double EPS = BlockPricing.EPS;
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
    /** The costs the start reads: the exact ones or their approximation. */
    private final ArcCosts startCosts;
    private final double[] supply;
    private final long maxIterations;
    private final SpanningTree tree;
    private final BlockPricing prices;

    // the tree's arrays, aliased so that the pivot reads them as directly as before the split
    private final int[] parent;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    private final long[] pred;
    private final int[] predDir;
    private final double[] flow;
    private final double[] pi;
    private final double[] artCost;

    private long inArc;
    private double inCost;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private double delta;
    private long iterations;
    /** The largest |C<sub>ij</sub>| seen by the start's full pass over the costs. */
    private double maxCost;
    /** Whether the potentials are anchored at the real nodes' median (the polish after the first optimum). */
    private boolean precise;
    /** Pivots the polish may still take. */
    private long polishPivots;

    NetworkSimplex(double[] a, double[] b, ArcCosts costs, long maxIterations, int blockSize) {
        this.n = a.length;
        this.m = b.length;
        this.root = n + m;
        this.realArcs = (long) n * m;
        this.startCosts = costs;
        this.costs = costs instanceof ArcCosts.FloatDense approximate ? approximate.exact() : costs;
        this.maxIterations = maxIterations;
        int block = blockSize > 0 ? blockSize : Math.max(10, (int) Math.ceil(Math.sqrt((double) realArcs)));
        int nodes = n + m + 1;
        supply = new double[nodes];
        System.arraycopy(a, 0, supply, 0, n);
        for (int j = 0; j < m; j++) {
            supply[n + j] = -b[j];
        }
        tree = new SpanningTree(n, m);
        prices = new BlockPricing(n, m, this.costs, costs, tree, block);
        parent = tree.parent;
        thread = tree.thread;
        revThread = tree.revThread;
        succNum = tree.succNum;
        lastSucc = tree.lastSucc;
        pred = tree.pred;
        predDir = tree.predDir;
        flow = tree.flow;
        pi = new double[nodes];
        artCost = new double[nodes];
    }

    /** @return the largest |C<sub>ij</sub>| the start read (0 when every cost is 0) */
    double maxCost() {
        return maxCost;
    }

    /** @return the number of pivots done */
    long iterations() {
        return iterations;
    }

    /** @return the number of reduced costs computed while looking for entering arcs */
    long priced() {
        return prices.priced();
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
        StartingBasis start = new StartingBasis(n, m, startCosts, costs, supply, u, v, greedy, tree.artUp, artCost);
        maxCost = start.maxCost;
        tree.build(start.forest, start.forestSize, start.artNodes, start.artCount);
        resyncPotentials();
        resyncFlows();
        boolean synced = true;
        while (true) {
            if (!findEnteringArc()) {
                if (prices.approximate()) {
                    // the approximate prices see nothing more: go on with exact ones until they prove optimality
                    prices.useExact();
                    resyncPotentials();
                    synced = true;
                    continue;
                }
                if (synced) {
                    if (precise) {
                        break;
                    }
                    // optimal at the root-anchored potentials: polish with small ones, a bounded number of pivots
                    precise = true;
                    polishPivots = 4L * (n + m) + 64;
                    resyncPotentials();
                    continue;
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
            if (precise && --polishPivots < 0) {
                resyncPotentials();
                break;
            }
            iterations++;
            synced = false;
            findJoinNode();
            findLeavingArc();
            changeFlow();
            long leaving = pred[uOut];
            tree.rehang(inArc, uIn, vIn, uOut, join, delta);
            updatePotential();
            tree.setTree(inArc, true);
            if (leaving < realArcs) {
                tree.setTree(leaving, false);
            }
        }
        double floor = -OPTIMALITY_TOLERANCE * (maxCost > 0 ? maxCost : 1);
        double lastMinReduced = prices.lastMinReduced();
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

    // ---------------------------------------------------------------- arcs

    private double cost(long e) {
        if (e < realArcs) {
            return costs.cost((int) (e / m), (int) (e % m));
        }
        return artCost[(int) (e - realArcs)];
    }

    // ---------------------------------------------------------------- exact recomputation

    /**
     * C + π<sub>source</sub> − π<sub>target</sub> = 0 on every tree arc, in preorder, from π<sub>root</sub> = 0; in the
     * polish the real nodes' median is then moved to 0 (the root to minus it), so that the potentials are small.
     */
    private void resyncPotentials() {
        potentialsFrom(0);
        if (!precise) {
            return;
        }
        // re-anchored at the real nodes' median: small potentials resolve small reduced costs (not ulp(M))
        double[] sorted = java.util.Arrays.copyOf(pi, root);
        java.util.Arrays.sort(sorted);
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
            throw new TransportSolverException(SolverStatus.FAILED, "network simplex: the basis carries a flow of "
                    + worst + " (total mass " + mass + ") on a " + n + " x " + m + " problem, an infeasible tree");
        }
    }

    // ---------------------------------------------------------------- pivot

    /** Asks the pricing for an entering arc; a tree arc priced negative means drift: resync once and ask again. */
    private boolean findEnteringArc() {
        for (int attempt = 0; attempt < 2; attempt++) {
            long arc = prices.search(pi);
            if (arc >= 0) {
                inArc = arc;
                inCost = prices.inCost();
                return true;
            }
            if (arc == BlockPricing.NONE) {
                return false;
            }
            resyncPotentials();
        }
        throw new TransportSolverException(SolverStatus.FAILED, "network simplex: a tree arc keeps a negative "
                + "reduced cost after recomputing the potentials (numerical trouble) on a " + n + " x " + m
                + " problem");
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

    /** Shifts the potentials of the moved subtree so that the entering arc has zero reduced cost. */
    private void updatePotential() {
        double sigma = pi[vIn] - pi[uIn] - predDir[uIn] * inCost;
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
    }
}
