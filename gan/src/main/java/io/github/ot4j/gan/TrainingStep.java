package io.github.ot4j.gan;

/**
 * What one generator step (with its critic updates) reports.
 *
 * @param iteration      generator steps done after this one (1-based)
 * @param generatorLoss  −mean f(G(z)) on the generator's batch, before its update
 * @param criticLoss     the loss of the last critic update of this step
 * @param criticEstimate the critic's batch estimate mean f(real) − mean f(fake) of the last critic update
 * @param penalty        the enforcer's penalty of the last critic update (0 if none)
 */
public record TrainingStep(long iteration, double generatorLoss, double criticLoss, double criticEstimate,
                           double penalty) {
}
