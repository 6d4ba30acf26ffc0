/**
 * The reference exact optimal transport solver on ojAlgo's linear programming,
 * {@link io.github.ot4j.core.lp.OjAlgoSolver}; obtain it through
 * {@link io.github.ot4j.core.ExactSolvers#ojAlgo()}.
 *
 * <p>The solver hands the transport LP to ojAlgo's revised simplex (by default as a sequence of restricted
 * LPs grown by pricing, started from approximate Sinkhorn potentials), recovers exact optimal potentials
 * from the optimal plan by shortest paths on its residual graph, and returns only answers whose
 * {@link io.github.ot4j.core.Certificate} holds. The package's other types are internal to that process.
 * docs/ojalgo-lp.md records the formulations measured and why this one was chosen.
 */
package io.github.ot4j.core.lp;
