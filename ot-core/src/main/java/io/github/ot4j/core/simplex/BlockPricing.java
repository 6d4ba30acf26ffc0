package io.github.ot4j.core.simplex;

import io.github.ot4j.core.simplex.internal.Pricing;
import io.github.ot4j.core.simplex.internal.SpanningTree;

/**
 * The entering-arc search of the network simplex: block search (Grigoriadis 1986) over the real arcs, row-major,
 * cyclically from where the last search stopped; blocks of about √(n·m) arcs, taking the most negative reduced
 * cost C<sub>ij</sub> + π<sub>i</sub> − π<sub>j</sub> of the first block that has an acceptable one.
 *
 * <p>Pricing may use approximate costs ({@link ArcCosts.FloatDense}): every candidate is then re-priced exactly
 * by {@link #accept}, and {@link #refine()} switches to the exact costs once the approximate ones find nothing.
 */
final class BlockPricing implements Pricing {

    /**
     * An arc enters only if its reduced cost r satisfies r &lt; −EPS·(|C<sub>ij</sub>| + |π<sub>i</sub>| +
     * |π<sub>j</sub>|): a few units in the last place of the terms, far below the certificate's 1e-9.
     */
    static final double EPS = 1e-14;

    private final int n;
    private final int m;
    private final long realArcs;
    private final int blockSize;
    private final ArcCosts costs;
    private final SpanningTree tree;
    private ArcCosts pricing;
    private long nextArc;
    private long priced;
    /** The exact cost of the last accepted arc. */
    private double inCost;
    /** The smallest reduced cost of the last full pass that found no entering arc. */
    private double lastMinReduced;

    /**
     * @param n         the number of sources
     * @param m         the number of targets
     * @param costs     the exact costs
     * @param pricing   the costs to search with: {@code costs} or an approximation of them
     * @param tree      the basis, for its tree-arc bits
     * @param blockSize the block size, ≥ 1
     */
    BlockPricing(int n, int m, ArcCosts costs, ArcCosts pricing, SpanningTree tree, int blockSize) {
        this.n = n;
        this.m = m;
        this.realArcs = (long) n * m;
        this.costs = costs;
        this.pricing = pricing;
        this.tree = tree;
        this.blockSize = blockSize;
    }

    /** Searches with the exact costs from now on, if it did not already. */
    @Override
    public boolean refine() {
        boolean approximate = pricing != costs;
        pricing = costs;
        return approximate;
    }

    /** @return the number of reduced costs computed */
    long priced() {
        return priced;
    }

    @Override
    public double inCost() {
        return inCost;
    }

    /** @return the smallest reduced cost of the last search that returned {@link #NONE} */
    double lastMinReduced() {
        return lastMinReduced;
    }

    /**
     * One block search.
     *
     * @param pi the node potentials
     * @return the entering arc, or {@link #NONE}, or {@link #DRIFTED}
     */
    @Override
    public long search(double[] pi) {
        double best = 0;
        long bestArc = -1;
        long e = nextArc;
        long scanned = 0;
        int count = blockSize;
        while (scanned < realArcs) {
            int i = (int) (e / m);
            int j = (int) (e - (long) i * m);
            int len = (int) Math.min(Math.min(m - j, count), realArcs - scanned);
            double r = pricing.rowMin(i, j, j + len, pi[i], pi, n, best);
            if (r < best) {
                best = r;
                bestArc = (long) i * m + pricing.argmin;
            }
            scanned += len;
            priced += len;
            count -= len;
            e += len;
            if (e == realArcs) {
                e = 0;
            }
            if (count == 0 || scanned == realArcs) {
                if (bestArc >= 0 && accept(bestArc, best, pi)) {
                    if (tree.isTree(bestArc)) {
                        break;
                    }
                    nextArc = e;
                    return bestArc;
                }
                count = blockSize;
            }
        }
        if (bestArc < 0 || !tree.isTree(bestArc) || !accept(bestArc, best, pi)) {
            lastMinReduced = best;
            return NONE;
        }
        return DRIFTED;
    }

    /** Whether arc e has, exactly, a negative reduced cost beyond rounding (then its cost is kept). */
    private boolean accept(long e, double approximate, double[] pi) {
        int i = (int) (e / m);
        int j = n + (int) (e % m);
        double c = costs.cost(i, j - n);
        double reduced = pricing == costs ? approximate : c + pi[i] - pi[j];
        if (reduced < -EPS * (Math.abs(c) + Math.abs(pi[i]) + Math.abs(pi[j]))) {
            inCost = c;
            return true;
        }
        return false;
    }
}
