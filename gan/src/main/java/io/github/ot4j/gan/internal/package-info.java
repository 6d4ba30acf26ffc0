/**
 * Internals of the WGAN trainer (counter-based seeds); not API. The training mechanics themselves (forward,
 * backward, updater steps, the atomic attempt) are ot4j-critic's {@code io.github.ot4j.critic.internal.TrainableNetwork}.
 */
package io.github.ot4j.gan.internal;
