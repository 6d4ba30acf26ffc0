package io.github.ot4j.core;

/**
 * One nonzero entry of a transport plan: mass P<sub>ij</sub> &gt; 0 moved from source i to target j.
 *
 * @param i    the source index
 * @param j    the target index
 * @param mass the mass moved, P<sub>ij</sub>, in the units of the weights
 */
public record PlanEntry(int i, int j, double mass) {
}
