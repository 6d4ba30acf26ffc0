package io.github.ot4j.core.entropic;

/**
 * The answer of {@link UnbalancedTransport}: a converged unbalanced entropic plan and its values. Units: cost
 * units times mass for {@code cost}, mass units for {@code mass}.
 *
 * @param plan       the plan P in kernel form
 * @param cost       ⟨P, C⟩ (what POT's {@code sinkhorn_unbalanced} plan gives with {@code np.sum(P * C)})
 * @param mass       Σ P<sub>ij</sub>, the mass the plan moves (between the two input masses, typically)
 * @param epsilon    the entropic regularisation ε, in cost units
 * @param rho        the marginal penalty ρ, in cost units
 * @param iterations the iterations done
 * @param change     the largest change of a log-scaling in the last iteration, at most the tolerance
 */
public record UnbalancedResult(EntropicPlan plan, double cost, double mass, double epsilon, double rho,
        int iterations, double change) {

    /**
     * Checks that the plan is present.
     *
     * @param plan       the plan
     * @param cost       ⟨P, C⟩
     * @param mass       Σ P
     * @param epsilon    ε
     * @param rho        ρ
     * @param iterations the iterations done
     * @param change     the last change
     */
    public UnbalancedResult {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
    }

    /** @return ⟨P, C⟩, the same as {@link #cost()} */
    public double value() {
        return cost;
    }
}
