package io.github.ot4j.core;

/**
 * A strategy that solves a {@link TransportProblem} exactly: an optimal plan and optimal dual potentials.
 *
 * <p>Contract, checked by every implementation's contract test:
 * <ul>
 *   <li>the answer is optimal: its {@link TransportResult#certificate()} holds at
 *       {@link Certificate#DEFAULT_TOLERANCE};</li>
 *   <li>a solver that cannot prove optimality (iteration cap, numerical failure, an LP state other than
 *       optimal) throws a {@link TransportSolverException} carrying its status, never a partial answer;</li>
 *   <li>implementations are immutable and safe to call from several threads at once.</li>
 * </ul>
 */
public interface ExactSolver {

    /**
     * Solves the problem.
     *
     * @param problem the problem
     * @return the optimal answer
     * @throws TransportSolverException if optimality cannot be reached or proven
     */
    TransportResult solve(TransportProblem problem);

    /**
     * Solves the problem starting from given potentials (for example those of a nearby problem already
     * solved). The answer is the same optimum; only the work to reach it may differ. Solvers that cannot
     * use a warm start ignore it.
     *
     * @param problem   the problem
     * @param warmStart potentials of the problem's shape
     * @return the optimal answer
     * @throws TransportSolverException if optimality cannot be reached or proven
     */
    default TransportResult solve(TransportProblem problem, Potentials warmStart) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        if (warmStart != null) {
            warmStart.checkShape(problem);
        }
        return solve(problem);
    }

    /**
     * Solves the problem between two measures under a ground cost.
     *
     * @param mu   the source measure
     * @param nu   the target measure, of equal mass
     * @param cost the ground cost
     * @return the optimal answer
     */
    default TransportResult solve(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        return solve(TransportProblem.of(mu, nu, cost));
    }
}
