/**
 * Sliced Wasserstein distances: the mean of exact 1-D W<sub>p</sub><sup>p</sup> over seeded random directions,
 * from the points alone ({@link io.github.ot4j.core.sliced.SlicedWasserstein}).
 */
package io.github.ot4j.core.sliced;
