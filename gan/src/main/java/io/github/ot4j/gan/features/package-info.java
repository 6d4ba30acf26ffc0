/**
 * Critic-side feature extensions of a WGAN run: features of the input that the critic is given next to the input
 * itself, such as {@link io.github.ot4j.gan.features.RepresentativeFeatures} (RFGAN, Bang and Shim 2018), or
 * {@link io.github.ot4j.gan.features.CriticFeatures#none()}.
 */
package io.github.ot4j.gan.features;
