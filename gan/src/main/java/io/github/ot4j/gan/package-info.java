/**
 * A Wasserstein GAN trainer on DeepLearning4j: {@link io.github.ot4j.gan.WganTrainer} trains a
 * {@link io.github.ot4j.gan.Generator} against an {@code io.github.ot4j.critic.Critic} with the settings of a
 * validated {@link io.github.ot4j.gan.WganConfig} (WGAN, WGAN-GP, WGAN-TS or any Lipschitz enforcer), for a
 * {@link io.github.ot4j.gan.TrainingPlan} that reports the exact W<sub>1</sub> next to the critic's estimate and
 * writes atomic checkpoints. Data sources live in {@code io.github.ot4j.gan.data}, listeners in
 * {@code io.github.ot4j.gan.monitor}, checkpoints in {@code io.github.ot4j.gan.checkpoint}.
 */
package io.github.ot4j.gan;
