/**
 * Exact optimal transport between discrete measures: {@link io.github.ot4j.core.DiscreteMeasure measures},
 * {@link io.github.ot4j.core.GroundCost ground costs}, {@link io.github.ot4j.core.TransportProblem problems},
 * {@link io.github.ot4j.core.ExactSolver exact solvers} and their
 * {@link io.github.ot4j.core.TransportResult results} with plan, potentials and
 * {@link io.github.ot4j.core.Certificate certificate}. Start with
 * {@link io.github.ot4j.core.OptimalTransport}.
 */
package io.github.ot4j.core;
