/**
 * Optimal transport on the line in closed form: sorting both sides and the north-west corner rule give the
 * optimal plan and its potentials for |x − y|<sup>p</sup> costs, p ≥ 1, in O((n + m) log(n + m)) time
 * ({@link io.github.ot4j.core.oned.OneDimensionalSolver}); {@link io.github.ot4j.core.oned.Wasserstein1d} gives
 * the value W<sub>p</sub> alone by quantile functions, without a plan.
 */
package io.github.ot4j.core.oned;
