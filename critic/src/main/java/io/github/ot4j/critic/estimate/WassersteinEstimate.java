package io.github.ot4j.critic.estimate;

import io.github.ot4j.critic.bounds.LipschitzBounds;

/**
 * A critic's estimate of the optimal transport cost between two sample sets, next to the exact value.
 *
 * <p>{@code estimate} is the estimator's reading (see {@link WassersteinEstimator}): a feasible dual value on
 * the sample, so ≤ {@code exact}. By Kantorovich–Rubinstein duality, for a metric cost with c ≥ ‖·‖<sub>2</sub>
 * (Euclidean, city-block), {@link #normalizedEstimate()} = meanDifference / certified Lipschitz bound never
 * exceeds the exact W<sub>1</sub> either.
 *
 * @param method         the training method's name
 * @param estimate       the estimator's reading of W on the sets, in the cost's units
 * @param meanDifference E<sub>P</sub> f − E<sub>Q</sub> f over the full sets (weighted), in the cost's units
 * @param exact          ot-core's exact optimal transport cost between the sets
 * @param bounds         the critic's Lipschitz bounds (empirical over all pairs of P × Q, certified by EJML)
 * @param diagnostics    how the training ended
 */
public record WassersteinEstimate(String method, double estimate, double meanDifference, double exact,
        LipschitzBounds bounds, EstimationDiagnostics diagnostics) {

    /** @return the updates trained */
    public int iterations() {
        return diagnostics.iterations();
    }

    /** @return (estimate − exact) / exact: negative for an under-estimate */
    public double relativeError() {
        return (estimate - exact) / exact;
    }

    /** @return meanDifference / certified upper bound on the critic's Lipschitz constant: a certified lower bound on W */
    public double normalizedEstimate() {
        return meanDifference / bounds.certifiedUpper();
    }

    /** @return normalizedEstimate / exact: the certified-bound ratio, ≤ 1 */
    public double certifiedRatio() {
        return normalizedEstimate() / exact;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s: estimate %.5f, exact %.5f (%+.2f %%), mean difference %.5f, estimate/certified bound %.5f, "
                        + "slope %.4f, certified L %.4f, %d updates (%s), objective %.4g, %.2f s",
                method, estimate, exact, 100 * relativeError(), meanDifference, normalizedEstimate(),
                bounds.empiricalLower(), bounds.certifiedUpper(), diagnostics.iterations(),
                diagnostics.converged() ? "converged" : "budget", diagnostics.finalObjective(),
                diagnostics.seconds());
    }
}
