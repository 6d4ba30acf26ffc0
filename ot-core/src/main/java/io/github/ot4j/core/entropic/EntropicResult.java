package io.github.ot4j.core.entropic;

import io.github.ot4j.core.Potentials;

/**
 * The answer of {@link EntropicTransport}: a converged entropic plan P<sub>ε</sub> and its values.
 *
 * <p>Units: {@code sinkhorn} and {@code entropic} are in cost units (times mass); the potentials f, g are in
 * cost units, with P<sub>ij</sub> = a<sub>i</sub> b<sub>j</sub> exp((f<sub>i</sub> + g<sub>j</sub> −
 * C<sub>ij</sub>)/ε) (finite also where a weight is zero); the marginal error is in mass units.
 *
 * @param plan          the plan P<sub>ε</sub> in kernel form
 * @param potentials    the dual potentials (f, g) in the convention above; for unit masses
 *                      {@code entropic} = Σ a<sub>i</sub> f<sub>i</sub> + Σ b<sub>j</sub> g<sub>j</sub> at convergence
 * @param sinkhorn      ⟨P<sub>ε</sub>, C⟩, POT's {@code sinkhorn2}
 * @param entropic      ⟨P<sub>ε</sub>, C⟩ + ε·KL(P<sub>ε</sub> ‖ a⊗b), with KL(P‖Q) = Σ P log(P/Q) − Σ P + Σ Q
 * @param epsilon       the regularisation ε, in cost units
 * @param iterations    the Sinkhorn iterations done (a row and a column update each), all ε stages together
 * @param marginalError Σ<sub>i</sub> |(P1)<sub>i</sub> − a<sub>i</sub>| + Σ<sub>j</sub> |(P<sup>T</sup>1)<sub>j</sub>
 *                      − b<sub>j</sub>| of the returned plan, at most about the options' tolerance
 */
public record EntropicResult(EntropicPlan plan, Potentials potentials, double sinkhorn, double entropic,
        double epsilon, int iterations, double marginalError) {

    /**
     * Checks that the parts are present.
     *
     * @param plan          the plan
     * @param potentials    the potentials
     * @param sinkhorn      ⟨P, C⟩
     * @param entropic      ⟨P, C⟩ + ε·KL(P ‖ a⊗b)
     * @param epsilon       ε
     * @param iterations    the iterations done
     * @param marginalError the marginal error reached
     */
    public EntropicResult {
        if (plan == null || potentials == null) {
            throw new IllegalArgumentException("plan and potentials must not be null");
        }
    }

    /** @return ⟨P<sub>ε</sub>, C⟩, the value POT's {@code sinkhorn2} returns (same as {@link #sinkhorn()}) */
    public double value() {
        return sinkhorn;
    }
}
