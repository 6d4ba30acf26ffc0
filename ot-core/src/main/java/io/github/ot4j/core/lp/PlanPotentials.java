package io.github.ot4j.core.lp;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Recovers optimal dual potentials from an optimal primal plan by shortest paths on the plan's residual
 * graph.
 *
 * <p>The residual graph has a node per source i and per target j, an arc i → j of length C<sub>ij</sub>
 * for every pair (mass may always be added) and an arc j → i of length −C<sub>ij</sub> for every entry of
 * the plan's support (mass may be taken back). A plan is optimal exactly when this graph has no negative
 * cycle. With d the shortest distances from a virtual root joined to every node by a zero-length arc,
 * <pre>
 *   u_i = −d(i),   v_j = d(j)
 * </pre>
 * satisfy u<sub>i</sub> + v<sub>j</sub> = d(j) − d(i) ≤ C<sub>ij</sub> on every arc i → j, with equality on
 * the support (both arcs present), which is complementary slackness: the potentials are optimal and the
 * duality gap of the plan is zero up to rounding.
 *
 * <p>The distances are computed by a queue-based Bellman–Ford (label-correcting) search. An improvement
 * smaller than {@code tolerance} is ignored, so rounding in an optimal plan cannot make the search cycle;
 * the potentials then violate u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> by at most about that
 * tolerance. A negative cycle longer than that (a plan that is not optimal) is detected after n + m
 * arcs on a path and reported as {@link SolverStatus#FAILED}.
 */
final class PlanPotentials {

    private PlanPotentials() {
    }

    /**
     * @param cost      the dense costs, row-major: C<sub>ij</sub> = cost[i·m + j]
     * @param n         the number of sources
     * @param m         the number of targets
     * @param support   support[i·m + j] true where the plan moves a non-negligible mass from i to j
     * @param tolerance the smallest improvement of a distance that counts, in cost units (≥ 0)
     * @return {u, v}
     * @throws TransportSolverException if the support admits a negative cycle (the plan is not optimal)
     */
    static double[][] recover(double[] cost, int n, int m, boolean[] support, double tolerance) {
        int nodes = n + m;
        double[] d = new double[nodes];
        int[] arcs = new int[nodes];
        boolean[] queued = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>(nodes);
        int[][] backward = backwardArcs(n, m, support);
        for (int k = 0; k < nodes; k++) {
            queue.add(k);
            queued[k] = true;
        }
        while (!queue.isEmpty()) {
            int k = queue.poll();
            queued[k] = false;
            double dk = d[k];
            if (k < n) {
                int base = k * m;
                for (int j = 0; j < m; j++) {
                    double candidate = dk + cost[base + j];
                    if (candidate < d[n + j] - tolerance) {
                        d[n + j] = candidate;
                        relabel(n + j, arcs[k] + 1, arcs, nodes, queue, queued);
                    }
                }
            } else {
                int j = k - n;
                for (int i : backward[j]) {
                    double candidate = dk - cost[i * m + j];
                    if (candidate < d[i] - tolerance) {
                        d[i] = candidate;
                        relabel(i, arcs[k] + 1, arcs, nodes, queue, queued);
                    }
                }
            }
        }
        double[] u = new double[n];
        double[] v = new double[m];
        for (int i = 0; i < n; i++) {
            u[i] = -d[i];
        }
        System.arraycopy(d, n, v, 0, m);
        return new double[][] {u, v};
    }

    private static void relabel(int node, int pathArcs, int[] arcs, int nodes, ArrayDeque<Integer> queue,
                                boolean[] queued) {
        if (pathArcs >= nodes) {
            throw new TransportSolverException(SolverStatus.FAILED,
                    "the LP plan is not optimal: its residual graph has a negative cycle through node " + node);
        }
        arcs[node] = pathArcs;
        if (!queued[node]) {
            queued[node] = true;
            queue.add(node);
        }
    }

    /** @return for each target j the sources i with support[i·m + j] */
    private static int[][] backwardArcs(int n, int m, boolean[] support) {
        int[] count = new int[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (support[i * m + j]) {
                    count[j]++;
                }
            }
        }
        int[][] arcs = new int[m][];
        for (int j = 0; j < m; j++) {
            arcs[j] = new int[count[j]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (support[i * m + j]) {
                    arcs[j][count[j]++] = i;
                }
            }
        }
        return arcs;
    }
}
