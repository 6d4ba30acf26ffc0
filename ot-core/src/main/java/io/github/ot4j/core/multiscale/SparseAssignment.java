package io.github.ot4j.core.multiscale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The assignment problem min<sub>σ</sub> Σ<sub>i</sub> C<sub>iσ(i)</sub> over the permutations σ that use only a
 * growing list of candidate arcs i → j (n rows, n columns), by successive shortest augmenting paths (the Hungarian
 * method with Dijkstra's search, as in Jonker &amp; Volgenant 1987 and Crouse 2016) on a sparse graph.
 *
 * <p>Dual variables u (rows) and v (columns) keep every held arc's reduced cost
 * r<sub>ij</sub> = C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub> ≥ 0 and every matched arc's at 0. A search from a
 * free row i<sub>0</sub> computes the shortest reduced-cost distances d<sub>j</sub> to the columns, alternating
 * unmatched arcs forwards and matched arcs (length 0) backwards, until it settles a free column at distance D; then
 * u<sub>i<sub>0</sub></sub> += D, u<sub>i</sub> += D − d<sub>σ(i)</sub> for the other rows reached,
 * v<sub>j</sub> −= D − d<sub>j</sub> for the settled columns, which keeps the invariant and makes the path tight,
 * and the path is flipped. Only the nodes a search touches are visited (epoch stamps instead of resets), so a
 * search from good prices costs about its path length times log of its frontier, not n.
 *
 * <p>Before the searches, when more than n / {@link #AUCTION_SHARE} rows are free, an ε-scaling auction
 * ({@link #auction}) and Jonker and Volgenant's augmenting row reduction ({@link #reduce}) bring the prices near
 * the optimum, so that the searches stay short; they only move prices, and the searches are exact from any prices.
 *
 * <p>When all rows are matched the permutation is optimal among the held arcs and (u, v) is a feasible dual on
 * them. {@link #reprice} adds arcs that a pass over all pairs found violated, lowers
 * u<sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub> over row i's arcs (restoring r ≥ 0), and frees
 * the rows whose matched arc is no longer tight; {@link #augment} then matches them again. Deterministic (the
 * rows in index order, ties in the search to free columns, then to the smaller index). Not thread-safe.
 */
final class SparseAssignment implements ArcSink {

    /** The auction runs when more than n / AUCTION_SHARE rows are free (else the searches alone). */
    static final int AUCTION_SHARE = 20;
    /** The factor by which ε falls between auction phases. */
    static final double SCALING = 5;

    private final int n;
    private final double[] u;
    private final double[] v;
    private final int[] colOfRow;
    private final int[] rowOfCol;

    /** Arcs as appended, in batches. */
    private record Batch(int[] src, int[] dst, double[] cost) {
    }

    private final List<Batch> batches = new ArrayList<>();
    private int arcs;
    /** The arcs by row (compressed rows), rebuilt when arcs were appended. */
    private int[] start;
    private int[] col;
    private double[] cst;
    private int indexed = -1;

    // the search's state, stamped by epoch
    private final double[] dist;
    private final int[] path;
    private final int[] seen;
    private final int[] settledAt;
    private final int[] rowsReached;
    private final int[] colsSettled;
    private int epoch;
    private final ColumnHeap heap;

    private long settled;
    private long augmentations;
    private long bids;

    /**
     * @param n      rows and columns
     * @param prices initial column duals v (copied), e.g. the c-transform of a coarse level's potentials
     */
    SparseAssignment(int n, double[] prices) {
        this.n = n;
        u = new double[n];
        v = prices.clone();
        colOfRow = new int[n];
        rowOfCol = new int[n];
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        dist = new double[n];
        path = new int[n];
        seen = new int[n];
        settledAt = new int[n];
        rowsReached = new int[n];
        colsSettled = new int[n];
        heap = new ColumnHeap(rowOfCol);
    }

    @Override
    public void addArcs(int[] is, int[] js, double[] cs, int count) {
        batches.add(new Batch(Arrays.copyOf(is, count), Arrays.copyOf(js, count), Arrays.copyOf(cs, count)));
        arcs += count;
    }

    /** @return arcs held */
    int arcCount() {
        return arcs;
    }

    /** @return columns settled by all searches so far (the work of the augmentations) */
    long settled() {
        return settled;
    }

    /** @return auction bids made so far */
    long bids() {
        return bids;
    }

    /** @return augmenting paths found so far */
    long augmentations() {
        return augmentations;
    }

    /** @return the row duals (live) */
    double[] u() {
        return u;
    }

    /** @return the column duals (live) */
    double[] v() {
        return v;
    }

    /** @return σ: the column matched to each row, −1 if none (live) */
    int[] matching() {
        return colOfRow;
    }

    /**
     * Starts from the arcs held: u<sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub> over row i's arcs,
     * and every row whose first minimising column is still free takes it.
     */
    void start() {
        index();
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int e = start[i]; e < start[i + 1]; e++) {
                double r = cst[e] - v[col[e]];
                if (r < best) {
                    best = r;
                    arg = col[e];
                }
            }
            u[i] = best;
            if (arg >= 0 && rowOfCol[arg] < 0) {
                colOfRow[i] = arg;
                rowOfCol[arg] = i;
            }
        }
    }

    /**
     * Matches every free row by a shortest augmenting path.
     *
     * @throws CancellationException when the calling thread is interrupted
     * @throws IllegalStateException when a row can reach no free column (the arcs admit no perfect matching)
     */
    void augment() {
        index();
        int free = 0;
        for (int i = 0; i < n; i++) {
            free += colOfRow[i] < 0 ? 1 : 0;
        }
        if (free > n / AUCTION_SHARE) {
            auction();
        }
        reduce();
        for (int i = 0; i < n; i++) {
            if (colOfRow[i] < 0) {
                if ((augmentations & 255) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("shortlist solve cancelled (thread interrupted) in the assignment");
                }
                search(i);
                augmentations++;
            }
        }
    }

    /**
     * Bertsekas' forward auction with ε-scaling, to bring the prices near the optimum before the exact searches.
     * A free row i with smallest C<sub>ij</sub> − v<sub>j</sub> = t<sub>1</sub> at j<sub>1</sub> and second smallest
     * t<sub>2</sub> bids: v<sub>j<sub>1</sub></sub> −= t<sub>2</sub> − t<sub>1</sub> + ε, takes j<sub>1</sub> and
     * frees its owner; each phase frees every row, runs until all are matched (ε-complementary slackness), and
     * divides ε by {@link #SCALING}, from a tenth of the mean spread of the rows' arc costs down to 10<sup>−9</sup>
     * of it. Then every matched column's v is raised by its row's slack (making that arc tight) and
     * u<sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub>; rows whose matched arc is then not tight are
     * freed, so that the invariant of the searches holds again. A phase that exceeds its bid budget ends the
     * auction early (the searches are exact from any prices).
     */
    private void auction() {
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int e = start[i]; e < start[i + 1]; e++) {
                lo = Math.min(lo, cst[e]);
                hi = Math.max(hi, cst[e]);
            }
            spread += hi - lo;
        }
        spread /= n;
        if (!(spread > 0)) {
            return;
        }
        int[] queue = new int[n];
        for (double eps = spread / 10; eps >= spread * 1e-9; eps /= SCALING) {
            Arrays.fill(colOfRow, -1);
            Arrays.fill(rowOfCol, -1);
            for (int i = 0; i < n; i++) {
                queue[i] = i;
            }
            int head = 0;
            int tail = 0;
            int pending = n;
            long budget = 200L * n;
            while (pending > 0 && budget-- > 0) {
                int i = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                pending--;
                double t1 = Double.POSITIVE_INFINITY;
                double t2 = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double t = cst[e] - v[col[e]];
                    if (t < t2) {
                        if (t < t1) {
                            t2 = t1;
                            t1 = t;
                            j1 = col[e];
                        } else {
                            t2 = t;
                        }
                    }
                }
                v[j1] -= (t2 < Double.POSITIVE_INFINITY ? t2 - t1 : spread) + eps;
                int owner = rowOfCol[j1];
                colOfRow[i] = j1;
                rowOfCol[j1] = i;
                if (owner >= 0) {
                    colOfRow[owner] = -1;
                    queue[tail] = owner;
                    tail = tail + 1 == n ? 0 : tail + 1;
                    pending++;
                }
                bids++;
            }
            if (pending > 0) {
                break;
            }
        }
        tighten();
    }

    /** Raises each matched column's v by its row's slack, then sets u to the row minima and frees loose rows. */
    private void tighten() {
        for (int i = 0; i < n; i++) {
            int j = colOfRow[i];
            if (j < 0) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            double mine = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                double t = cst[e] - v[col[e]];
                best = Math.min(best, t);
                if (col[e] == j) {
                    mine = t;
                }
            }
            v[j] += mine - best;
        }
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            double mine = Double.NaN;
            int j = colOfRow[i];
            for (int e = start[i]; e < start[i + 1]; e++) {
                double t = cst[e] - v[col[e]];
                best = Math.min(best, t);
                if (col[e] == j) {
                    mine = t;
                }
            }
            u[i] = best;
            if (j >= 0 && !(mine <= best)) {
                colOfRow[i] = -1;
                rowOfCol[j] = -1;
            }
        }
    }

    /**
     * Jonker and Volgenant's augmenting row reduction, two passes over the free rows: a free row i takes the column
     * j<sub>1</sub> of its smallest C<sub>ij</sub> − v<sub>j</sub> = t<sub>1</sub> after lowering
     * v<sub>j<sub>1</sub></sub>
     * by t<sub>2</sub> − t<sub>1</sub> (t<sub>2</sub> the second smallest, at j<sub>2</sub>), so that
     * u<sub>i</sub> = t<sub>2</sub> makes both tight; the row it displaces is served next. Lowering a v keeps every
     * reduced cost ≥ 0, and matched arcs stay tight. On a tie t<sub>1</sub> = t<sub>2</sub> with j<sub>1</sub>
     * taken the row takes j<sub>2</sub> instead, and the displaced row waits for the next pass (no cycling).
     */
    private void reduce() {
        int[] free = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (colOfRow[i] < 0) {
                free[count++] = i;
            }
        }
        for (int pass = 0; pass < 2 && count > 0; pass++) {
            int k = 0;
            int previous = count;
            count = 0;
            long budget = 16L * previous + 64;
            while (k < previous && budget-- > 0) {
                int i = free[k++];
                double t1 = Double.POSITIVE_INFINITY;
                double t2 = Double.POSITIVE_INFINITY;
                int j1 = -1;
                int j2 = -1;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = col[e];
                    double t = cst[e] - v[j];
                    if (t < t2 && j != j1) {
                        if (t < t1) {
                            t2 = t1;
                            j2 = j1;
                            t1 = t;
                            j1 = j;
                        } else {
                            t2 = t;
                            j2 = j;
                        }
                    }
                }
                int owner = rowOfCol[j1];
                boolean lower = t1 < t2 && j2 >= 0;
                if (lower) {
                    v[j1] -= t2 - t1;
                    u[i] = t2;
                } else {
                    u[i] = t1;
                    if (owner >= 0 && j2 >= 0) {
                        j1 = j2;
                        owner = rowOfCol[j2];
                    }
                }
                colOfRow[i] = j1;
                rowOfCol[j1] = i;
                if (owner >= 0) {
                    colOfRow[owner] = -1;
                    if (lower) {
                        free[--k] = owner;
                    } else {
                        free[count++] = owner;
                    }
                }
            }
            while (k < previous) {
                free[count++] = free[k++];
            }
        }
    }

    /**
     * Adds the arcs of a pricing pass (each violated: C<sub>ij</sub> &lt; u<sub>i</sub> + v<sub>j</sub>), lowers
     * u<sub>i</sub> to min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub> over the new arcs of each such row, and frees
     * those rows.
     *
     * @param priced the pass's violated arcs
     */
    void reprice(RowScan.Result priced) {
        int k = priced.k();
        for (int i = 0; i < n; i++) {
            int count = priced.count()[i];
            if (count == 0) {
                continue;
            }
            double best = u[i];
            for (int s = 0; s < count; s++) {
                best = Math.min(best, priced.costs()[i * k + s] - v[priced.cols()[i * k + s]]);
            }
            u[i] = best;
            int j = colOfRow[i];
            if (j >= 0) {
                rowOfCol[j] = -1;
                colOfRow[i] = -1;
            }
        }
        int total = (int) priced.total();
        int[] is = new int[total];
        int[] js = new int[total];
        double[] cs = new double[total];
        priced.flatten(is, js, cs);
        addArcs(is, js, cs, total);
    }

    /** Sorts the arcs by row (stable, so in the order appended) unless already done. */
    private void index() {
        if (indexed == arcs) {
            return;
        }
        start = new int[n + 1];
        for (Batch b : batches) {
            for (int i : b.src()) {
                start[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        col = new int[arcs];
        cst = new double[arcs];
        int[] fill = Arrays.copyOf(start, n);
        for (Batch b : batches) {
            for (int e = 0; e < b.src().length; e++) {
                int p = fill[b.src()[e]]++;
                col[p] = b.dst()[e];
                cst[p] = b.cost()[e];
            }
        }
        indexed = arcs;
    }

    /** One Dijkstra search from the free row i0, the dual update and the flip of the path. */
    private void search(int i0) {
        epoch++;
        heap.clear();
        int reached = 0;
        int done = 0;
        rowsReached[reached++] = i0;
        double minVal = 0;
        int i = i0;
        int sink;
        while (true) {
            double ui = u[i];
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = col[e];
                if (settledAt[j] == epoch) {
                    continue;
                }
                // reduced costs are >= 0 up to rounding; keep the distances monotone
                double r = Math.max(minVal, minVal + cst[e] - ui - v[j]);
                if (seen[j] != epoch || r < dist[j]) {
                    seen[j] = epoch;
                    dist[j] = r;
                    path[j] = i;
                    heap.push(r, j);
                }
            }
            int j = heap.pop(dist, settledAt, epoch);
            if (j < 0) {
                throw new IllegalStateException("the candidate arcs admit no perfect matching (row " + i0 + ")");
            }
            minVal = dist[j];
            settledAt[j] = epoch;
            colsSettled[done++] = j;
            if (rowOfCol[j] < 0) {
                sink = j;
                break;
            }
            i = rowOfCol[j];
            rowsReached[reached++] = i;
        }
        settled += done;
        u[i0] += minVal;
        for (int t = 1; t < reached; t++) {
            int r = rowsReached[t];
            u[r] += minVal - dist[colOfRow[r]];
        }
        for (int t = 0; t < done; t++) {
            int j = colsSettled[t];
            v[j] -= minVal - dist[j];
        }
        int j = sink;
        while (true) {
            int r = path[j];
            rowOfCol[j] = r;
            int next = colOfRow[r];
            colOfRow[r] = j;
            if (r == i0) {
                break;
            }
            j = next;
        }
    }
}
