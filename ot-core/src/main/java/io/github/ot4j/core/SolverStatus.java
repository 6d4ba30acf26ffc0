package io.github.ot4j.core;

/**
 * How an exact solver ended. Only {@link #OPTIMAL} comes with a {@link TransportResult}; every other
 * status is reported through a {@link TransportSolverException}.
 */
public enum SolverStatus {
    /** An optimal plan and optimal potentials were found. */
    OPTIMAL,
    /** A feasible plan was found but not proven optimal (for example, the LP solver stopped early). */
    FEASIBLE,
    /** The iteration cap was reached before optimality. */
    ITERATION_LIMIT,
    /** The problem has no feasible plan. */
    INFEASIBLE,
    /** The objective is unbounded. */
    UNBOUNDED,
    /** The solver failed for another reason (numerical trouble, an internal error). */
    FAILED
}
