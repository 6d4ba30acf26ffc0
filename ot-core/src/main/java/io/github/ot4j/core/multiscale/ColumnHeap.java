package io.github.ot4j.core.multiscale;

import java.util.Arrays;

/**
 * The binary heap of {@link SparseAssignment}'s searches: columns keyed by tentative distance, with lazy deletion
 * (an entry whose distance is no longer the column's, or whose column is settled, is skipped on removal). Order:
 * smaller distance, then free columns (a search ends as soon as it settles one), then the smaller index.
 */
final class ColumnHeap {

    private final int[] rowOfCol;
    private double[] keys = new double[64];
    private int[] cols = new int[64];
    private int size;

    /** @param rowOfCol the matching's row of each column, −1 where free (read live) */
    ColumnHeap(int[] rowOfCol) {
        this.rowOfCol = rowOfCol;
    }

    /** Empties the heap. */
    void clear() {
        size = 0;
    }

    /** Heap order: smaller distance, then free columns, then the smaller index. */
    private boolean before(double ka, int ja, double kb, int jb) {
        if (ka != kb) {
            return ka < kb;
        }
        boolean fa = rowOfCol[ja] < 0;
        boolean fb = rowOfCol[jb] < 0;
        if (fa != fb) {
            return fa;
        }
        return ja < jb;
    }

    /** Adds column j at distance d. */
    void push(double d, int j) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * size);
            cols = Arrays.copyOf(cols, 2 * size);
        }
        int s = size++;
        while (s > 0) {
            int p = (s - 1) >>> 1;
            if (!before(d, j, keys[p], cols[p])) {
                break;
            }
            keys[s] = keys[p];
            cols[s] = cols[p];
            s = p;
        }
        keys[s] = d;
        cols[s] = j;
    }

    /**
     * @param dist      the search's current distances
     * @param settledAt the epoch at which each column was settled
     * @param epoch     the search's epoch
     * @return the nearest column not yet settled whose entry is current, or −1
     */
    int pop(double[] dist, int[] settledAt, int epoch) {
        while (size > 0) {
            double d = keys[0];
            int j = cols[0];
            size--;
            if (size > 0) {
                siftDown(keys[size], cols[size]);
            }
            if (settledAt[j] != epoch && d == dist[j]) {
                return j;
            }
        }
        return -1;
    }

    private void siftDown(double d, int j) {
        int s = 0;
        while (true) {
            int c = 2 * s + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && before(keys[c + 1], cols[c + 1], keys[c], cols[c])) {
                c++;
            }
            if (!before(keys[c], cols[c], d, j)) {
                break;
            }
            keys[s] = keys[c];
            cols[s] = cols[c];
            s = c;
        }
        keys[s] = d;
        cols[s] = j;
    }
}
