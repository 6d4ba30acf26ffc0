/**
 * Critic-estimated Wasserstein distances next to the exact value: train a critic on two sample sets with a
 * Lipschitz enforcer or the WGAN-TS two-step method ({@link io.github.ot4j.critic.train.CriticMethod}) and
 * report E<sub>P</sub>f − E<sub>Q</sub>f, the critic's Lipschitz bounds and ot-core's exact value side by side
 * ({@link io.github.ot4j.critic.estimate.WassersteinEstimate}).
 */
package io.github.ot4j.critic.estimate;
