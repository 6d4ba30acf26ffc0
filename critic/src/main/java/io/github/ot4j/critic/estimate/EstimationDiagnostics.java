package io.github.ot4j.critic.estimate;

/**
 * How an estimate's critic training ended.
 *
 * @param iterations     the full-batch updates made, ≥ 1
 * @param budget         the updates allowed
 * @param converged      true if the stopping rule fired before the budget ran out
 * @param finalObjective the training objective at the end: for the potential regression the relative residual
 *                       ‖f − T‖<sub>2</sub> / ‖T‖<sub>2</sub> over the sample's targets (dimensionless); for the WGAN
 *                       loss the dual objective mean f(P) − mean f(Q) − penalty (cost units)
 * @param measuredSlope  the largest slope |f(y) − f(x)| / c(y, x) over the sample pairs (dimensionless)
 * @param seconds        wall-clock time of the training and the reading, in seconds
 */
public record EstimationDiagnostics(int iterations, int budget, boolean converged, double finalObjective,
        double measuredSlope, double seconds) {
}
