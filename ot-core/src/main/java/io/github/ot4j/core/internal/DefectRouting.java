package io.github.ot4j.core.internal;

import java.util.Arrays;

/**
 * The cost of repairing a plan's marginal defects through arcs of small reduced cost, for the certificate's upper
 * bound on the optimum. Mass can be added on any arc i → j (a forward edge row i → column j, whose cost per unit is
 * the reduced cost r<sub>ij</sub>) and taken off a plan entry that carries at least the cap (a backward edge
 * column j → row i, cost −r<sub>ij</sub> a unit). Every defect is sent to a hub node and from it to where it is
 * missing along shortest paths, so that with w<sub>x</sub> ≥ |defect of node x| and the cap ≥ Σ w<sub>x</sub>
 * (no edge carries more, so no entry goes negative) the repair costs at most
 * Σ<sub>x</sub> w<sub>x</sub>·max(dist(x → hub), dist(hub → x)) in reduced costs.
 *
 * <p>Two runs of Dijkstra's method over the n + m nodes with a binary heap; the forward edges are dense (every
 * row scans every column): O(n·m + (n + m)·log(n + m)) time, O(n + m + entries) memory. The distances are sums
 * of non-negative lengths rounded to nearest, so each is at least its path's exact length times
 * (1 − ε)<sup>n+m</sup>, which {@link #bound} accounts for.
 */
public final class DefectRouting {

    private static final double EPS = 0x1p-53;

    /** Upper bounds on the lengths of the forward edges. */
    @FunctionalInterface
    public interface Lengths {
        /**
         * @param i a row
         * @param j a column
         * @return a number ≥ max(r<sub>ij</sub>, 0) exactly, where r<sub>ij</sub> is the reduced cost
         */
        double forward(int i, int j);
    }

    private final int n;
    private final int m;
    private final int[] rows;
    private final int[] cols;
    private final double[] back;
    private final Lengths forward;
    private final int[] byRowStart;
    private final int[] byRow;
    private final int[] byColStart;
    private final int[] byCol;

    private DefectRouting(int n, int m, int[] rows, int[] cols, double[] back, boolean[] usable, Lengths forward) {
        this.n = n;
        this.m = m;
        this.rows = rows;
        this.cols = cols;
        this.back = back;
        this.forward = forward;
        byRowStart = new int[n + 1];
        byColStart = new int[m + 1];
        for (int k = 0; k < rows.length; k++) {
            if (usable[k]) {
                byRowStart[rows[k] + 1]++;
                byColStart[cols[k] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            byRowStart[i + 1] += byRowStart[i];
        }
        for (int j = 0; j < m; j++) {
            byColStart[j + 1] += byColStart[j];
        }
        byRow = new int[byRowStart[n]];
        byCol = new int[byColStart[m]];
        int[] r = Arrays.copyOf(byRowStart, n);
        int[] c = Arrays.copyOf(byColStart, m);
        for (int k = 0; k < rows.length; k++) {
            if (usable[k]) {
                byRow[r[rows[k]]++] = k;
                byCol[c[cols[k]]++] = k;
            }
        }
    }

    /**
     * An upper bound on the reduced cost of repairing the defects, or +∞ when some defect cannot reach the hub.
     *
     * @param n       rows
     * @param m       columns
     * @param weight  w<sub>x</sub> ≥ |defect| of row x (x &lt; n) and of column x − n
     * @param rows    the plan entries' rows
     * @param cols    the plan entries' columns
     * @param back    per entry, a number ≥ max(−r, 0) for its reduced cost r
     * @param usable  per entry, whether it carries at least Σ w<sub>x</sub> (so mass may be taken off it)
     * @param forward the forward edges' lengths
     * @param hub     the node every defect is routed through
     * @return Σ<sub>x</sub> w<sub>x</sub>·max(dist(x → hub), dist(hub → x)), rounded up, or +∞
     */
    public static double bound(int n, int m, double[] weight, int[] rows, int[] cols, double[] back, boolean[] usable,
                               Lengths forward, int hub) {
        DefectRouting routing = new DefectRouting(n, m, rows, cols, back, usable, forward);
        double[] out = routing.distances(hub, false);
        double[] in = routing.distances(hub, true);
        CompensatedDot total = new CompensatedDot();
        for (int x = 0; x < n + m; x++) {
            if (weight[x] > 0) {
                double d = Math.max(out[x], in[x]);
                if (d == Double.POSITIVE_INFINITY) {
                    return Double.POSITIVE_INFINITY;
                }
                total.add(weight[x], d);
            }
        }
        double sum = total.value() + total.errorBound();
        // each distance may fall short of its path's exact length by a factor (1 − ε)^(n + m)
        return Math.nextUp(sum * (1 + 2.0 * (n + m + 2) * EPS) * (1 + 4 * EPS));
    }

    /** Dijkstra from the hub (reverse = false: dist(hub → x); true: dist(x → hub) on the reversed edges). */
    private double[] distances(int hub, boolean reverse) {
        int size = n + m;
        double[] dist = new double[size];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[size];
        Heap heap = new Heap(size, dist);
        dist[hub] = 0;
        heap.push(hub);
        while (!heap.isEmpty()) {
            int x = heap.pop();
            done[x] = true;
            double dx = dist[x];
            // forward edge i -> j: from a row (out) or into a column's rows (in)
            if (x < n && !reverse) {
                for (int j = 0; j < m; j++) {
                    relax(heap, done, dist, n + j, dx + forward.forward(x, j));
                }
            } else if (x >= n && reverse) {
                for (int i = 0; i < n; i++) {
                    relax(heap, done, dist, i, dx + forward.forward(i, x - n));
                }
            }
            // backward edge j -> i on an entry: from a column (out) or into a row's columns (in)
            if (x >= n && !reverse) {
                for (int q = byColStart[x - n]; q < byColStart[x - n + 1]; q++) {
                    int k = byCol[q];
                    relax(heap, done, dist, rows[k], dx + back[k]);
                }
            } else if (x < n && reverse) {
                for (int q = byRowStart[x]; q < byRowStart[x + 1]; q++) {
                    int k = byRow[q];
                    relax(heap, done, dist, n + cols[k], dx + back[k]);
                }
            }
        }
        return dist;
    }

    private static void relax(Heap heap, boolean[] done, double[] dist, int y, double d) {
        if (!done[y] && d < dist[y]) {
            dist[y] = d;
            heap.push(y);
        }
    }

    /** A binary min-heap of node indices keyed by dist, with decrease-key by position. */
    private static final class Heap {
        private final int[] nodes;
        private final int[] position;
        private final double[] key;
        private int size;

        Heap(int capacity, double[] key) {
            this.nodes = new int[capacity];
            this.position = new int[capacity];
            Arrays.fill(position, -1);
            this.key = key;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Inserts x, or moves it up after its key decreased. */
        void push(int x) {
            int p = position[x];
            if (p < 0) {
                p = size++;
                nodes[p] = x;
                position[x] = p;
            }
            up(p);
        }

        int pop() {
            int top = nodes[0];
            position[top] = -2;
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                position[nodes[0]] = 0;
                down(0);
            }
            return top;
        }

        private void up(int p) {
            int x = nodes[p];
            while (p > 0) {
                int parent = (p - 1) >>> 1;
                if (key[nodes[parent]] <= key[x]) {
                    break;
                }
                nodes[p] = nodes[parent];
                position[nodes[p]] = p;
                p = parent;
            }
            nodes[p] = x;
            position[x] = p;
        }

        private void down(int p) {
            int x = nodes[p];
            while (true) {
                int child = 2 * p + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[nodes[child + 1]] < key[nodes[child]]) {
                    child++;
                }
                if (key[nodes[child]] >= key[x]) {
                    break;
                }
                nodes[p] = nodes[child];
                position[nodes[p]] = p;
                p = child;
            }
            nodes[p] = x;
            position[x] = p;
        }
    }
}
