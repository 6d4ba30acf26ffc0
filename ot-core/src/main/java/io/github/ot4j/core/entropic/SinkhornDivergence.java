package io.github.ot4j.core.entropic;

/**
 * The Sinkhorn divergence of Feydy et al. (2019), S<sub>ε</sub>(a, b) = OT<sub>ε</sub>(a, b) −
 * ½ OT<sub>ε</sub>(a, a) − ½ OT<sub>ε</sub>(b, b), where OT<sub>ε</sub> is the entropic value
 * ⟨P<sub>ε</sub>, C⟩ + ε·KL(P<sub>ε</sub> ‖ a⊗b) ({@link EntropicResult#entropic()}). For a cost that is a power
 * of a distance it is ≥ 0, 0 exactly when the measures agree, and tends to the exact optimal value as ε → 0.
 * Units: those of the cost.
 *
 * @param value S<sub>ε</sub>(a, b)
 * @param xy    OT<sub>ε</sub>(a, b)
 * @param xx    OT<sub>ε</sub>(a, a), with the cost between the source points
 * @param yy    OT<sub>ε</sub>(b, b), with the cost between the target points
 */
public record SinkhornDivergence(double value, double xy, double xx, double yy) {
}
