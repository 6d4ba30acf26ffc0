/**
 * Lipschitz critics f: R<sup>d</sup> → R on DeepLearning4j networks: the {@link io.github.ot4j.critic.Critic}
 * itself and its {@link io.github.ot4j.critic.CriticSpec}. Enforcers of the Lipschitz constraint live in
 * {@code enforce}, training in {@code train}, Lipschitz bounds in {@code bounds} and critic-estimated
 * Wasserstein distances (next to the exact value of ot-core) in {@code estimate}.
 */
package io.github.ot4j.critic;
