/**
 * Data-side parts of a WGAN run: a lens between the real data and the critic, such as
 * {@link io.github.ot4j.gan.lens.TemperingLens} (Sajjadi et al. 2018), or {@link io.github.ot4j.gan.lens.Lens#none()}.
 */
package io.github.ot4j.gan.lens;
