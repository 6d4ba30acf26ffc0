package io.github.ot4j.core.simplex;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.simplex.internal.SpanningTree;
import io.github.ot4j.core.simplex.internal.TreeArcs;

/**
 * One run of the primal network simplex method on the transportation network: n source nodes 0..n−1 with
 * supply a<sub>i</sub>, m target nodes n..n+m−1 with demand b<sub>j</sub>, the n·m arcs i → j with cost
 * C<sub>ij</sub> and unbounded capacity, and an artificial root node n+m.
 *
 * <p>The method in three pieces: {@link StartingBasis} grows the greedy, strongly feasible start with its big-M
 * artificial arcs; {@link SpanningTree} (shared with the sparse solver of {@code multiscale}) stores the basis as
 * in LEMON (Kovács, "Minimum-cost flow algorithms: an experimental evaluation", 2015) and pivots; {@link
 * BlockPricing} finds entering arcs by block search (Grigoriadis 1986). This class numbers the arcs i·m + j for
 * the tree and checks the final pricing pass.
 *
 * <p>Pricing may use approximate costs ({@link ArcCosts.FloatDense}): every candidate is then re-priced exactly,
 * and when the approximate prices find nothing more the search goes on with exact ones until they prove
 * optimality.
 *
 * <p>Not thread-safe: one instance per solve.
 */
final class NetworkSimplex implements TreeArcs {

    /** {@link BlockPricing#EPS}, the entering test's relative threshold. */
    static final double EPS = BlockPricing.EPS;
    /**
     * The final exact pricing pass must find no reduced cost below −OPTIMALITY_TOLERANCE·max |C| (1 when every cost is 0),
     * else the solve fails rather than return a plan that may not be optimal.
     */
    static final double OPTIMALITY_TOLERANCE = 1e-9;

    private final int n;
    private final int m;
    /** The exact costs. */
    private final ArcCosts costs;
    /** The costs the start reads: the exact ones or their approximation. */
    private final ArcCosts startCosts;
    private final long maxIterations;
    private final SpanningTree tree;
    private final BlockPricing prices;
    /** The largest |C<sub>ij</sub>| seen by the start's full pass over the costs. */
    private double maxCost;

    NetworkSimplex(double[] a, double[] b, ArcCosts costs, long maxIterations, int blockSize) {
        this.n = a.length;
        this.m = b.length;
        long realArcs = (long) n * m;
        this.startCosts = costs;
        this.costs = costs instanceof ArcCosts.FloatDense approximate ? approximate.exact() : costs;
        this.maxIterations = maxIterations;
        int block = blockSize > 0 ? blockSize : Math.max(10, (int) Math.ceil(Math.sqrt((double) realArcs)));
        tree = new SpanningTree(a, b, this, "network simplex", realArcs);
        prices = new BlockPricing(n, m, this.costs, costs, tree, block);
    }

    /** @return the largest |C<sub>ij</sub>| the start read (0 when every cost is 0) */
    double maxCost() {
        return maxCost;
    }

    /** @return the number of pivots done */
    long iterations() {
        return tree.iterations();
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
        maxCost = StartingBasis.build(tree, startCosts, costs, u, v, greedy);
        tree.optimize(prices, maxIterations);
        double floor = -OPTIMALITY_TOLERANCE * (maxCost > 0 ? maxCost : 1);
        double lastMinReduced = prices.lastMinReduced();
        if (lastMinReduced < floor) {
            throw new TransportSolverException(SolverStatus.FAILED, "network simplex stopped with a reduced cost of "
                    + lastMinReduced + " (below " + floor + ", costs up to " + maxCost + ") on a " + n + " x " + m
                    + " problem: the potentials are too large for the costs' precision");
        }
    }

    // ---------------------------------------------------------------- results

    /** @return the node potentials π (sources 0..n−1, targets n..n+m−1) */
    double[] potentials() {
        return tree.potentials();
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
        return tree.plan(rows, cols, masses);
    }

    /** @return the largest flow left on an artificial arc (0 at a feasible optimum) */
    double artificialFlow() {
        return tree.artificialFlow();
    }

    // ---------------------------------------------------------------- arcs i·m + j

    @Override
    public int source(long arc) {
        return (int) (arc / m);
    }

    @Override
    public int target(long arc) {
        return n + (int) (arc % m);
    }

    @Override
    public double cost(long arc) {
        return costs.cost((int) (arc / m), (int) (arc % m));
    }
}
