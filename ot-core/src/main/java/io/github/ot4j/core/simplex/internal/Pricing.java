package io.github.ot4j.core.simplex.internal;

/** The entering-arc search that {@link SpanningTree#optimize} asks, once per pivot. */
public interface Pricing {
    /** {@link #search} found no arc with a negative reduced cost. */
    long NONE = -1;
    /** {@link #search} found a tree arc priced negative: the potentials drifted and must be recomputed. */
    long DRIFTED = -2;

    /**
     * @param pi the node potentials
     * @return an arc with a negative reduced cost C + π<sub>s</sub> − π<sub>t</sub> beyond rounding (not a
     *         tree arc), or {@link #NONE}, or {@link #DRIFTED}
     */
    long search(double[] pi);

    /** @return the exact cost of the arc the last successful {@link #search} returned */
    double inCost();

    /**
     * Called when {@link #search} found nothing: a pricing on approximate costs switches to exact ones.
     *
     * @return whether it switched (the loop then searches again), false when it was exact already
     */
    boolean refine();
}
