package io.github.ot4j.core.sliced;

/**
 * A Monte Carlo estimate of the sliced Wasserstein distance SW<sub>p</sub>. Units: those of the coordinates.
 *
 * @param value         SW<sub>p</sub> = (mean over the directions of W<sub>p</sub><sup>p</sup>)<sup>1/p</sup>
 * @param standardError the Monte Carlo standard error of {@code value} (sample standard deviation of the
 *                      W<sub>p</sub><sup>p</sup> over √K, carried through the p-th root to first order); 0 for
 *                      one direction
 * @param p             the order, ≥ 1
 * @param projections   the number of directions K
 * @param seed          the seed the directions were drawn with
 */
public record SlicedResult(double value, double standardError, double p, int projections, long seed) {
}
