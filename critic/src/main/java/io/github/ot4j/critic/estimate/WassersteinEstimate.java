package io.github.ot4j.critic.estimate;

import io.github.ot4j.critic.bounds.LipschitzBounds;

/**
 * A critic's estimate of the optimal transport cost between two sample sets, next to the exact value.
 *
 * <p>By Kantorovich–Rubinstein duality, for a metric cost with c ≥ ‖·‖<sub>2</sub> (Euclidean, city-block),
 * {@link #normalizedEstimate()} = estimate / certified Lipschitz bound never exceeds the exact W<sub>1</sub>; the
 * raw {@code estimate} can, when the critic is steeper than 1.
 *
 * @param method     the training method's name
 * @param estimate   E<sub>P</sub> f − E<sub>Q</sub> f over the full sample sets, in the cost's units
 * @param exact      ot-core's exact optimal transport cost between the uniform measures on the sets
 * @param bounds     the critic's Lipschitz bounds (empirical over all pairs of P × Q, certified by EJML)
 * @param iterations the critic iterations trained
 */
public record WassersteinEstimate(String method, double estimate, double exact, LipschitzBounds bounds,
        int iterations) {

    /** @return (estimate − exact) / exact: negative for an under-estimate */
    public double relativeError() {
        return (estimate - exact) / exact;
    }

    /** @return estimate / certified upper bound on the critic's Lipschitz constant: a certified lower bound on W */
    public double normalizedEstimate() {
        return estimate / bounds.certifiedUpper();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s: estimate %.5f, exact %.5f (%+.2f %%), estimate/certified bound %.5f, Lipschitz in [%.4f, %.4f]",
                method, estimate, exact, 100 * relativeError(), normalizedEstimate(), bounds.empiricalLower(),
                bounds.certifiedUpper());
    }
}
