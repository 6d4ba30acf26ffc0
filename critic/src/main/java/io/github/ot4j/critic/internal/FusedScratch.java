package io.github.ot4j.critic.internal;

import java.util.ArrayDeque;
import java.util.Iterator;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Preallocated column-major buffers of one pass of {@link FusedDense} (training, inference or the gradient
 * penalty's), kept for each of the last {@link #KEPT} batch sizes used: a WGAN step alternates the critic's
 * m + n rows with the generator's n through the critic's training pass, and reallocating at each switch cost
 * 15 native arrays twice per generator step (~5 % of a step at width 64). {@link #size} points the fields at the
 * buffers of the batch size asked for; a pass of one size never touches another size's buffers.
 */
final class FusedScratch {
    /** Batch sizes whose buffers are kept; the least recently used goes when another one comes. */
    static final int KEPT = 4;
    int rows = -1;
    /** a<sub>0</sub> … a<sub>L</sub>, n × n<sub>k</sub>. */
    INDArray[] act;
    Vec[] vact;
    /** δ<sub>0</sub> … δ<sub>L</sub>, n × n<sub>k</sub>. */
    INDArray[] delta;
    Vec[] vdelta;
    /** The Java-array runs of this pass's fused loops. */
    final Vec.Chunk chunk = new Vec.Chunk();
    /** T<sub>0</sub> … T<sub>L−1</sub> of the penalty's second pass, n × n<sub>k</sub> (null for other passes). */
    INDArray[] t;
    Vec[] vt;
    /** Whether this pass needs {@link #t} (the gradient penalty's). */
    private final boolean second;
    /** The kept buffers, most recently used first. */
    private final ArrayDeque<Sized> kept = new ArrayDeque<>();

    FusedScratch(boolean second) {
        this.second = second;
    }

    /** The buffers of one batch size. */
    private record Sized(int rows, INDArray[] act, Vec[] vact, INDArray[] delta, Vec[] vdelta, INDArray[] t,
            Vec[] vt) {
    }

    void size(FusedDense f, int n) {
        if (n == rows) {
            return;
        }
        Sized use = null;
        for (Iterator<Sized> it = kept.iterator(); it.hasNext();) {
            Sized s = it.next();
            if (s.rows == n) {
                it.remove();
                use = s;
                break;
            }
        }
        if (use == null) {
            use = allocate(f, n);
            if (kept.size() == KEPT) {
                kept.removeLast();
            }
        }
        kept.addFirst(use);
        act = use.act;
        vact = use.vact;
        delta = use.delta;
        vdelta = use.vdelta;
        t = use.t;
        vt = use.vt;
        rows = n;
    }

    /** @return how many batch sizes have buffers now (for the tests) */
    int keptSizes() {
        return kept.size();
    }

    private Sized allocate(FusedDense f, int n) {
        int l = f.layers;
        INDArray[] a = new INDArray[l + 1];
        INDArray[] d = new INDArray[l + 1];
        INDArray[] tt = second ? new INDArray[l + 1] : null;
        Vec[] va = new Vec[l + 1];
        Vec[] vd = new Vec[l + 1];
        Vec[] vtt = second ? new Vec[l + 1] : null;
        for (int k = 0; k <= l; k++) {
            a[k] = Nd4j.createUninitialized(f.type, new long[] {n, f.widths[k]}, 'f');
            d[k] = Nd4j.createUninitialized(f.type, new long[] {n, f.widths[k]}, 'f');
            va[k] = Vec.of(a[k]);
            vd[k] = Vec.of(d[k]);
            if (second) {
                tt[k] = Nd4j.createUninitialized(f.type, new long[] {n, f.widths[k]}, 'f');
                vtt[k] = Vec.of(tt[k]);
            }
        }
        return new Sized(n, a, va, d, vd, tt, vtt);
    }
}
