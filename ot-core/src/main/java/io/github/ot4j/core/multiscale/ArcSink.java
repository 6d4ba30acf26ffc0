package io.github.ot4j.core.multiscale;

/** Where the shortlist solver's candidate arcs i → j go: the sparse network simplex or the sparse assignment. */
interface ArcSink {

    /**
     * Appends arcs (duplicates are harmless but waste memory).
     *
     * @param is    source indices
     * @param js    target indices
     * @param cs    their costs
     * @param count how many of the arrays' first entries to add
     */
    void addArcs(int[] is, int[] js, double[] cs, int count);
}
