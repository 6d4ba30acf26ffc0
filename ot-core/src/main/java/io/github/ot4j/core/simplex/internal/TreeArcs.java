package io.github.ot4j.core.simplex.internal;

/** The real arcs of a {@link SpanningTree} as the caller numbers them (numbers ≥ 0). */
public interface TreeArcs {
    /**
     * @param arc a real arc, ≥ 0
     * @return its source node, 0..n−1
     */
    int source(long arc);

    /**
     * @param arc a real arc, ≥ 0
     * @return its target node, n..n+m−1
     */
    int target(long arc);

    /**
     * @param arc a real arc, ≥ 0
     * @return its exact cost C
     */
    double cost(long arc);
}
