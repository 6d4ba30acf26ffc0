package io.github.ot4j.core.lp;

/**
 * Recomputes the flows of a basic plan from its support: when the support is a forest, the flows are the unique
 * solution of the marginal equations on it, found by peeling leaves (a leaf's only entry carries the leaf's
 * remaining weight). ojAlgo meets its constraints to about 1e-10 absolute; after this every marginal is met up
 * to the rounding of the peeling, a few units in the last place, so that the certificate's bound on the value is
 * not dominated by marginal error.
 */
final class ExactFlows {

    private ExactFlows() {
    }

    /**
     * @param n      the number of sources
     * @param m      the number of targets
     * @param source each entry's source
     * @param target each entry's target
     * @param x      each entry's mass (not modified)
     * @param a      the source weights
     * @param b      the target weights, same total as a
     * @return the recomputed masses, or {@code x} itself when the support is not a forest or a recomputed mass
     * is negative beyond rounding (then nothing is changed)
     */
    static double[] polish(int n, int m, int[] source, int[] target, double[] x, double[] a, double[] b) {
        int nodes = n + m;
        int size = x.length;
        int[] degree = new int[nodes];
        int[] head = new int[nodes];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[2 * size];
        int[] edge = new int[2 * size];
        int k = 0;
        for (int e = 0; e < size; e++) {
            if (x[e] <= 0) {
                continue;
            }
            int s = source[e];
            int t = n + target[e];
            degree[s]++;
            degree[t]++;
            edge[k] = e;
            next[k] = head[s];
            head[s] = k++;
            edge[k] = e;
            next[k] = head[t];
            head[t] = k++;
        }
        double[] residual = new double[nodes];
        System.arraycopy(a, 0, residual, 0, n);
        System.arraycopy(b, 0, residual, n, m);
        double[] y = new double[size];
        boolean[] done = new boolean[size];
        int[] stack = new int[nodes];
        int sp = 0;
        for (int w = 0; w < nodes; w++) {
            if (degree[w] == 1) {
                stack[sp++] = w;
            }
        }
        int assigned = 0;
        int positive = k / 2;
        double mass = 0;
        for (double w : a) {
            mass += w;
        }
        while (sp > 0) {
            int w = stack[--sp];
            if (degree[w] != 1) {
                continue;
            }
            int e = -1;
            for (int h = head[w]; h >= 0; h = next[h]) {
                if (!done[edge[h]]) {
                    e = edge[h];
                    break;
                }
            }
            double f = residual[w];
            if (f < -1e-9 * mass) {
                return x;
            }
            f = Math.max(f, 0);
            done[e] = true;
            y[e] = f;
            assigned++;
            int other = w < n ? n + target[e] : source[e];
            residual[w] = 0;
            residual[other] -= f;
            degree[w]--;
            degree[other]--;
            if (degree[other] == 1) {
                stack[sp++] = other;
            }
        }
        return assigned == positive ? y : x;
    }
}
