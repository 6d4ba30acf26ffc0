/**
 * Critic training: one critic iteration on a batch of real and fake points, either the WGAN loss with a
 * Lipschitz enforcer ({@link io.github.ot4j.critic.train.CriticTrainer}) or the WGAN-TS two-step method
 * ({@link io.github.ot4j.critic.train.TwoStepCriticTrainer}); both behind
 * {@link io.github.ot4j.critic.train.CriticIteration}, and both described as values by
 * {@link io.github.ot4j.critic.train.CriticMethod}. The optimiser state lives in the network's own DL4J
 * updater, so saving the network with its updater checkpoints the training.
 */
package io.github.ot4j.critic.train;
