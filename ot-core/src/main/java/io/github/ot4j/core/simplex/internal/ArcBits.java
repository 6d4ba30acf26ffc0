package io.github.ot4j.core.simplex.internal;

import java.util.Arrays;

/**
 * A bit per real arc number, growing on demand: which arcs a {@link SpanningTree} holds. n·m bits for the dense
 * solver's numbering i·m + j, one bit per candidate for the sparse one.
 */
public final class ArcBits {

    private long[] words = new long[0];

    /**
     * Makes room for arcs 0..count−1.
     *
     * @param count the number of arcs numbered
     */
    public void ensure(long count) {
        long need = (count + 63) >>> 6;
        if (need > words.length) {
            words = Arrays.copyOf(words, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 3L * words.length / 2)));
        }
    }

    /**
     * @param e an arc, ≥ 0
     * @return whether its bit is set
     */
    public boolean get(long e) {
        return (words[(int) (e >>> 6)] & (1L << e)) != 0;
    }

    /**
     * @param e  an arc, ≥ 0
     * @param on the bit's new value
     */
    void set(long e, boolean on) {
        if (on) {
            words[(int) (e >>> 6)] |= 1L << e;
        } else {
            words[(int) (e >>> 6)] &= ~(1L << e);
        }
    }
}
