/**
 * Lipschitz enforcers: the strategies that keep a critic (approximately) 1-Lipschitz while it is trained —
 * {@link io.github.ot4j.critic.enforce.WeightClipping} (WGAN), {@link io.github.ot4j.critic.enforce.WeightScaling}
 * (WGAN-TS), {@link io.github.ot4j.critic.enforce.GradientPenalty} (WGAN-GP),
 * {@link io.github.ot4j.critic.enforce.OneSidedGradientPenalty} (WGAN-LP) and
 * {@link io.github.ot4j.critic.enforce.SpectralNormalization} (SN-GAN), behind one interface,
 * {@link io.github.ot4j.critic.enforce.LipschitzEnforcer}, whose javadoc states the call order.
 */
package io.github.ot4j.critic.enforce;
