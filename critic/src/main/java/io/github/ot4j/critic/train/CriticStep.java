package io.github.ot4j.critic.train;

/**
 * What one critic iteration reports.
 *
 * @param loss     the minimised objective on the batch before the update: for the WGAN trainers
 *                 −(mean f(y) − mean f(x)) + penalty; for WGAN-TS the regression's mean squared error
 * @param estimate the batch estimate of the distance: for {@link CriticTrainer} mean f(y) − mean f(x) over real y
 *                 and fake x before the update; for {@link TwoStepCriticTrainer} the batch's c-transform reading
 *                 (a lower bound on the batch's exact distance, see there)
 * @param penalty  the enforcer's penalty on the batch (0 if it has none)
 */
public record CriticStep(double loss, double estimate, double penalty) {
}
