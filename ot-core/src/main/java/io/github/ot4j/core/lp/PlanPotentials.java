package io.github.ot4j.core.lp;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import java.util.Arrays;

/**
 * Recovers optimal dual potentials from an optimal primal plan by shortest paths on the plan's residual
 * graph, first cancelling any negative cycle the LP solver's rounding left in the plan.
 *
 * <p>The residual graph has a node per source i and per target j, an arc i → j of length C<sub>ij</sub>
 * for every column (i, j) of the LP (mass may always be added) and an arc j → i of length −C<sub>ij</sub>
 * for every column on the plan's support (mass may be taken back). A plan is optimal for the LP over those
 * columns exactly when this graph has no negative cycle. With d the shortest distances from a virtual root
 * joined to every node by a zero-length arc,
 * <pre>
 *   u_i = −d(i),   v_j = d(j)
 * </pre>
 * satisfy u<sub>i</sub> + v<sub>j</sub> = d(j) − d(i) ≤ C<sub>ij</sub> on every column, with equality on
 * the support (both arcs present). That is complementary slackness: the potentials are optimal and the
 * duality gap of the plan is zero up to rounding.
 *
 * <p>The distances come from a queue-based Bellman–Ford (label-correcting) search. An improvement not
 * larger than {@code tolerance} is ignored, so that rounding cannot make the search cycle; then every
 * column satisfies u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> + tolerance and every support column
 * u<sub>i</sub> + v<sub>j</sub> ≥ C<sub>ij</sub> − tolerance.
 *
 * <p>A simplex solver declares a plan optimal within its own tolerances, so its plan may still hold a
 * slightly negative cycle (or a spurious tiny entry that closes one). The search finds such a cycle in its
 * predecessor graph; the plan is then improved by moving the largest possible mass θ around the cycle
 * (adding θ on its forward arcs, removing θ from its backward arcs, which keeps both marginals) and the
 * search restarts. Each cancellation empties at least one plan entry and lowers the plan's cost by at least
 * θ times the tolerance, so cancelling repairs any plan, however far from optimal the LP solver left it;
 * cancellation goes on until no negative cycle is left, bounded only by the caller's time budget and by
 * (n + m)² cancellations as a guard against a search that does not settle. At the end, entries not above the
 * mass tolerance are set to zero, so that the potentials are tight on every entry the plan keeps.
 */
final class PlanPotentials {

    /** No predecessor arc. */
    private static final int NONE = Integer.MIN_VALUE;

    private PlanPotentials() {
    }

    /**
     * Computes the potentials, cancelling negative cycles of the plan first. The columns are given row by
     * row (compressed sparse rows): the columns of source i are k = start[i], …, start[i + 1] − 1, with
     * target target[k], cost cost[k] and plan mass x[k].
     *
     * @param n             the number of sources
     * @param m             the number of targets
     * @param start         row offsets, length n + 1
     * @param target        the target j of each column
     * @param cost          C<sub>ij</sub> of each column
     * @param x             the plan mass of each column, ≥ 0; improved in place if it holds a negative cycle,
     *                      and its entries not above {@code massTolerance} set to zero
     * @param massTolerance masses up to this are rounding noise, not support
     * @param tolerance     the smallest improvement of a distance that counts, in cost units (≥ 0)
     * @return {u, v}
     * @throws TransportSolverException with {@link SolverStatus#FAILED} if negative cycles keep appearing
     */
    static double[][] recover(int n, int m, int[] start, int[] target, double[] cost, double[] x,
                              double massTolerance, double tolerance) {
        return recover(n, m, start, target, cost, x, massTolerance, tolerance, Long.MAX_VALUE);
    }

    /**
     * As {@link #recover(int, int, int[], int[], double[], double[], double, double)}, within a time budget.
     *
     * @param nanosLeft the time budget of the cancellations, in nanoseconds, &gt; 0
     * @throws TransportSolverException with {@link SolverStatus#ITERATION_LIMIT} if the budget runs out while
     *                                  negative cycles are still being cancelled, or {@link SolverStatus#FAILED}
     *                                  after (n + m)² cancellations
     */
    static double[][] recover(int n, int m, int[] start, int[] target, double[] cost, double[] x,
                              double massTolerance, double tolerance, long nanosLeft) {
        long started = System.nanoTime();
        int[] source = new int[start[n]];
        for (int i = 0; i < n; i++) {
            Arrays.fill(source, start[i], start[i + 1], i);
        }
        long limit = (long) (n + m) * (n + m);
        for (long cancelled = 0; ; cancelled++) {
            Search search = new Search(n, m, start, target, source, cost, x, massTolerance, tolerance);
            int[] cycle = search.run();
            if (cycle == null) {
                dropNoise(x, massTolerance);
                return search.potentials();
            }
            if (cancelled == limit) {
                throw new TransportSolverException(SolverStatus.FAILED, "the LP plan is not optimal and "
                        + limit + " cancelled negative cycles did not make it so");
            }
            if (System.nanoTime() - started >= nanosLeft) {
                throw new TransportSolverException(SolverStatus.ITERATION_LIMIT, "the time limit ran out after "
                        + cancelled + " cancelled negative cycles of the LP plan");
            }
            cancel(cycle, x, search);
        }
    }

    /**
     * Sets the plan entries that are rounding noise (mass ≤ the tolerance) to zero: the potentials need
     * not be tight on them, so keeping them would break complementary slackness by up to their cost gap.
     * The marginals move by at most the tolerance per entry.
     */
    private static void dropNoise(double[] x, double massTolerance) {
        for (int k = 0; k < x.length; k++) {
            if (x[k] <= massTolerance) {
                x[k] = 0;
            }
        }
    }

    /** Moves the largest possible mass around a cycle of arcs (column k, forward if the arc ends in a target). */
    private static void cancel(int[] cycle, double[] x, Search search) {
        double theta = Double.POSITIVE_INFINITY;
        int bottleneck = -1;
        for (int code : cycle) {
            if (code < 0) {
                int k = ~code;
                if (x[k] < theta) {
                    theta = x[k];
                    bottleneck = k;
                }
            }
        }
        if (bottleneck < 0) {
            // a cycle of forward arcs only would be a negative cycle of costs, impossible in a bipartite graph
            throw new TransportSolverException(SolverStatus.FAILED, "a negative cycle without plan entries");
        }
        for (int code : cycle) {
            if (code >= 0) {
                x[code] += theta;
            } else {
                x[~code] -= theta;
            }
        }
        x[bottleneck] = 0;
    }

    /** One label-correcting search; finds either the distances or a negative cycle. */
    private static final class Search {
        private final int n;
        private final int nodes;
        private final int[] start;
        private final int[] target;
        private final int[] source;
        private final double[] cost;
        private final double tolerance;
        private final int[][] backward;
        private final double[] d;
        /** The arc that last lowered d(node): a column k, encoded k for i → j and ~k for j → i; NONE if none. */
        private final int[] pred;
        private final int[] arcs;
        private long relabelled;

        Search(int n, int m, int[] start, int[] target, int[] source, double[] cost, double[] x,
               double massTolerance, double tolerance) {
            this.n = n;
            this.nodes = n + m;
            this.start = start;
            this.target = target;
            this.source = source;
            this.cost = cost;
            this.tolerance = tolerance;
            this.backward = backwardArcs(m, target, x, massTolerance);
            this.d = new double[nodes];
            this.pred = new int[nodes];
            this.arcs = new int[nodes];
            Arrays.fill(pred, NONE);
        }

        /** @return null when the distances are final, else a negative cycle as encoded arcs */
        int[] run() {
            boolean[] queued = new boolean[nodes];
            IntRing queue = new IntRing(nodes);
            for (int k = 0; k < nodes; k++) {
                queue.add(k);
                queued[k] = true;
            }
            while (!queue.isEmpty()) {
                int node = queue.poll();
                queued[node] = false;
                double dk = d[node];
                if (node < n) {
                    for (int k = start[node]; k < start[node + 1]; k++) {
                        int j = n + target[k];
                        double candidate = dk + cost[k];
                        if (candidate < d[j] - tolerance) {
                            d[j] = candidate;
                            pred[j] = k;
                            if (!relabel(j, arcs[node] + 1, queue, queued)) {
                                int[] cycle = predecessorCycle();
                                if (cycle != null) {
                                    return cycle;
                                }
                            }
                        }
                    }
                } else {
                    for (int k : backward[node - n]) {
                        int i = source[k];
                        double candidate = dk - cost[k];
                        if (candidate < d[i] - tolerance) {
                            d[i] = candidate;
                            pred[i] = ~k;
                            if (!relabel(i, arcs[node] + 1, queue, queued)) {
                                int[] cycle = predecessorCycle();
                                if (cycle != null) {
                                    return cycle;
                                }
                            }
                        }
                    }
                }
            }
            return null;
        }

        /** @return false when the path to the node has n + m arcs or more: a negative cycle exists */
        private boolean relabel(int node, int pathArcs, IntRing queue, boolean[] queued) {
            if (++relabelled > (long) nodes * (start[n] + nodes) + nodes) {
                throw new TransportSolverException(SolverStatus.FAILED, "the shortest-path search on the plan's "
                        + "residual graph did not settle");
            }
            arcs[node] = Math.min(pathArcs, nodes);
            if (!queued[node]) {
                queued[node] = true;
                queue.add(node);
            }
            return pathArcs < nodes;
        }

        private int previous(int node) {
            int code = pred[node];
            return code >= 0 ? source[code] : n + target[~code];
        }

        /** @return a cycle of the predecessor graph (whose length is negative), or null if it has none yet */
        private int[] predecessorCycle() {
            int[] seen = new int[nodes];
            for (int s = 0; s < nodes; s++) {
                int node = s;
                while (node >= 0 && seen[node] == 0) {
                    seen[node] = s + 1;
                    node = pred[node] == NONE ? -1 : previous(node);
                }
                if (node >= 0 && seen[node] == s + 1) {
                    int count = 0;
                    int c = node;
                    do {
                        count++;
                        c = previous(c);
                    } while (c != node);
                    int[] cycle = new int[count];
                    c = node;
                    for (int t = 0; t < count; t++) {
                        cycle[t] = pred[c];
                        c = previous(c);
                    }
                    return cycle;
                }
            }
            return null;
        }

        double[][] potentials() {
            double[] u = new double[n];
            double[] v = new double[nodes - n];
            for (int i = 0; i < n; i++) {
                u[i] = -d[i];
            }
            System.arraycopy(d, n, v, 0, v.length);
            return new double[][] {u, v};
        }
    }

    /** @return for each target j the columns k ending in j whose mass exceeds the tolerance */
    private static int[][] backwardArcs(int m, int[] target, double[] x, double massTolerance) {
        int[] count = new int[m];
        for (int k = 0; k < x.length; k++) {
            if (x[k] > massTolerance) {
                count[target[k]]++;
            }
        }
        int[][] arcs = new int[m][];
        for (int j = 0; j < m; j++) {
            arcs[j] = new int[count[j]];
            count[j] = 0;
        }
        for (int k = 0; k < x.length; k++) {
            if (x[k] > massTolerance) {
                int j = target[k];
                arcs[j][count[j]++] = k;
            }
        }
        return arcs;
    }

    /** A FIFO queue of node indices; holds each node at most once, so capacity n + m suffices. */
    private static final class IntRing {
        private final int[] items;
        private int head;
        private int size;

        IntRing(int capacity) {
            items = new int[capacity];
        }

        void add(int value) {
            items[(head + size) % items.length] = value;
            size++;
        }

        int poll() {
            int value = items[head];
            head = (head + 1) % items.length;
            size--;
            return value;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }
}
