package io.github.ot4j.core.lp;

/**
 * The columns (i, j) of a restricted transport LP: a subset of the n × m plan entries that the LP may
 * use. Starts from a set that always admits a feasible plan and grows by pricing.
 *
 * <p>Mutable; confined to one solve.
 */
final class ColumnSet {

    private final int n;
    private final int m;
    private final boolean[] member;
    private int size;

    private ColumnSet(int n, int m) {
        this.n = n;
        this.m = m;
        this.member = new boolean[Math.multiplyExact(n, m)];
    }

    /**
     * Every column: the full LP.
     *
     * @param n the number of sources
     * @param m the number of targets
     * @return all n·m columns
     */
    static ColumnSet all(int n, int m) {
        ColumnSet s = new ColumnSet(n, m);
        java.util.Arrays.fill(s.member, true);
        s.size = Math.multiplyExact(n, m);
        return s;
    }

    /**
     * The starting columns of column generation: for approximate potentials (f, g), the {@code nearest}
     * targets of every source and the {@code nearest} sources of every target with the smallest
     * C<sub>ij</sub> − f<sub>i</sub> − g<sub>j</sub>, and the support of the north-west-corner plan of
     * (a, b), which makes the restricted LP feasible. With f = g = 0 these are the cheapest partners.
     *
     * @param cost    the costs, row-major
     * @param a       the source weights
     * @param b       the target weights
     * @param f       approximate source potentials, length n
     * @param g       approximate target potentials, length m
     * @param nearest how many partners per point, ≥ 1
     * @return the columns
     */
    static ColumnSet initial(double[] cost, double[] a, double[] b, double[] f, double[] g, int nearest) {
        int n = a.length;
        int m = b.length;
        double[] score = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                score[i * m + j] = cost[i * m + j] - f[i] - g[j];
            }
        }
        ColumnSet s = new ColumnSet(n, m);
        int kr = Math.min(nearest, m);
        int[] best = new int[Math.max(kr, Math.min(nearest, n))];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < m; j++) {
                count = insert(best, count, kr, j, score, i * m, 1);
            }
            for (int t = 0; t < count; t++) {
                s.add(i * m + best[t]);
            }
        }
        int kc = Math.min(nearest, n);
        for (int j = 0; j < m; j++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                count = insert(best, count, kc, i, score, j, m);
            }
            for (int t = 0; t < count; t++) {
                s.add(best[t] * m + j);
            }
        }
        northWestCorner(s, a, b);
        return s;
    }

    /**
     * Adds, for every source and every target, up to {@code perPoint} columns outside the set with the
     * most negative reduced cost C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> &lt; −tolerance.
     *
     * @param cost      the costs, row-major
     * @param u         the source potentials of the restricted LP
     * @param v         the target potentials of the restricted LP
     * @param tolerance how negative a reduced cost must be to count, in cost units
     * @param perPoint  how many columns per source and per target at most
     * @return the number of columns added; 0 proves (u, v) feasible for every column
     */
    int addViolated(double[] cost, double[] u, double[] v, double tolerance, int perPoint) {
        int[] rowBest = new int[perPoint];
        int[][] colBest = new int[m][perPoint];
        int[] colCount = new int[m];
        double[] reduced = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                reduced[k] = member[k] ? 0 : cost[k] - u[i] - v[j];
            }
        }
        int before = size;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                if (reduced[k] < -tolerance) {
                    count = insert(rowBest, count, perPoint, j, reduced, i * m, 1);
                    colCount[j] = insert(colBest[j], colCount[j], perPoint, i, reduced, j, m);
                }
            }
            for (int t = 0; t < count; t++) {
                add(i * m + rowBest[t]);
            }
        }
        for (int j = 0; j < m; j++) {
            for (int t = 0; t < colCount[j]; t++) {
                add(colBest[j][t] * m + j);
            }
        }
        return size - before;
    }

    /** @return whether column k = i·m + j belongs to the set */
    boolean contains(int k) {
        return member[k];
    }

    /** @return the number of columns */
    int size() {
        return size;
    }

    /**
     * The columns row by row: start (length n + 1) and, for each column in order, its flat index i·m + j.
     *
     * @return {start, flatIndex}
     */
    int[][] rows() {
        int[] start = new int[n + 1];
        int[] flat = new int[size];
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            for (int j = 0; j < m; j++) {
                if (member[i * m + j]) {
                    flat[k++] = i * m + j;
                }
            }
        }
        start[n] = k;
        return new int[][] {start, flat};
    }

    private void add(int k) {
        if (!member[k]) {
            member[k] = true;
            size++;
        }
    }

    /**
     * Keeps in best[0..count) the (at most {@code limit}) candidates with the smallest values
     * values[base + candidate·stride], sorted ascending; returns the new count. A row is scanned with
     * base i·m and stride 1, a column with base j and stride m.
     */
    private static int insert(int[] best, int count, int limit, int candidate, double[] values, int base,
                              int stride) {
        double value = values[base + candidate * stride];
        int pos = count;
        if (count == limit) {
            if (value >= values[base + best[count - 1] * stride]) {
                return count;
            }
            pos = count - 1;
        } else {
            count++;
        }
        while (pos > 0 && values[base + best[pos - 1] * stride] > value) {
            best[pos] = best[pos - 1];
            pos--;
        }
        best[pos] = candidate;
        return count;
    }

    private static void northWestCorner(ColumnSet s, double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double ra = a[0];
        double rb = b[0];
        while (i < n && j < m) {
            s.add(i * s.m + j);
            if (ra <= rb) {
                rb -= ra;
                i++;
                ra = i < n ? a[i] : 0;
            } else {
                ra -= rb;
                j++;
                rb = j < m ? b[j] : 0;
            }
        }
        for (; j < m; j++) {
            s.add((n - 1) * s.m + j);
        }
        for (; i < n; i++) {
            s.add(i * s.m + m - 1);
        }
    }
}
