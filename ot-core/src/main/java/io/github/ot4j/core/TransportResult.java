package io.github.ot4j.core;

/**
 * The answer of an exact solver: the optimal value, a sparse optimal plan, optimal dual potentials and
 * the status (always {@link SolverStatus#OPTIMAL}: other outcomes are a {@link TransportSolverException}).
 * The {@link #certificate()} re-checks the answer from its parts.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransportResult {

    private final TransportProblem problem;
    private final TransportPlan plan;
    private final Potentials potentials;
    private final double value;
    private volatile Certificate certificate;

    /**
     * @param problem    the problem that was solved
     * @param plan       an optimal plan
     * @param potentials optimal potentials
     */
    public TransportResult(TransportProblem problem, TransportPlan plan, Potentials potentials) {
        if (problem == null || plan == null || potentials == null) {
            throw new IllegalArgumentException("problem, plan and potentials must not be null");
        }
        if (plan.n() != problem.n() || plan.m() != problem.m()) {
            throw new IllegalArgumentException("plan is " + plan.n() + " x " + plan.m() + " but the problem is "
                    + problem.n() + " x " + problem.m());
        }
        potentials.checkShape(problem);
        this.problem = problem;
        this.plan = plan;
        this.potentials = potentials;
        this.value = Certificate.cost(plan, problem.cost()).value();
    }

    /**
     * The optimal transport cost min<sub>P</sub> Σ C<sub>ij</sub> P<sub>ij</sub>, in cost units times mass
     * units; W<sub>1</sub> for a metric cost and unit mass. It is the plan's cost, summed with compensation (as
     * accurate as twice the working precision, then rounded once); {@link #certificate()} bounds its error.
     *
     * @return the optimal value
     */
    public double value() {
        return value;
    }

    /** @return the optimal plan */
    public TransportPlan plan() {
        return plan;
    }

    /** @return the optimal potentials (u on a, v on b) */
    public Potentials potentials() {
        return potentials;
    }

    /** @return {@link SolverStatus#OPTIMAL} */
    public SolverStatus status() {
        return SolverStatus.OPTIMAL;
    }

    /** @return the problem that was solved */
    public TransportProblem problem() {
        return problem;
    }

    /**
     * The certificate of this answer, computed on first use in O(n·m) time.
     *
     * @return primal cost, dual objective, gap, worst dual violation and worst marginal error
     */
    public Certificate certificate() {
        Certificate c = certificate;
        if (c == null) {
            c = Certificate.of(problem, plan, potentials);
            certificate = c;
        }
        return c;
    }

    @Override
    public String toString() {
        return "TransportResult[value=" + value + ", status=" + status() + ", " + plan + "]";
    }
}
