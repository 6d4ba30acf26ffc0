/**
 * Internals of the critic module, shared with ot4j-gan; not API, may change without notice.
 *
 * <p>{@link io.github.ot4j.critic.internal.TrainableNetwork} is the training seam: the one type that runs DL4J's
 * forward and backward passes and updater steps, with the atomic {@code attempt} that rolls a failed step back,
 * and the one network validation; its fast path for dense networks is {@code FusedDense} (forward, backward,
 * gradient penalty on preallocated buffers) with {@code FusedUpdater} (fused Adam/RMSProp/SGD). Beside it:
 * {@link io.github.ot4j.critic.internal.Updaters}, the one updater check;
 * {@link io.github.ot4j.critic.internal.Finite}, the finiteness checks;
 * {@link io.github.ot4j.critic.internal.InputGradientPenalty}, the dense-network algebra of the gradient
 * penalties; {@link io.github.ot4j.critic.internal.AtomicFile}, the atomic replacement of saved critics and
 * checkpoints; {@link io.github.ot4j.critic.internal.Nd4jSetup}, the nd4j set-up at the entry points, with the
 * {@link io.github.ot4j.critic.internal.MemoryGuard} it starts. This package depends on no other ot4j-critic package.
 */
package io.github.ot4j.critic.internal;
