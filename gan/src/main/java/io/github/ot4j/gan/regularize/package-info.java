/**
 * Generator regularisers: terms added to the generator's loss in any WGAN mode, such as
 * {@link io.github.ot4j.gan.regularize.JacobianClamping}.
 */
package io.github.ot4j.gan.regularize;
