/**
 * Real samples for WGAN training: the {@link io.github.ot4j.gan.data.DataSource} strategy, the 2-D
 * {@link io.github.ot4j.gan.data.ToyDistributions toy distributions} of the WGAN-GP reference code, the shipped
 * {@link io.github.ot4j.gan.data.Digits digits} image set, and adapters for arrays and DL4J iterators.
 */
package io.github.ot4j.gan.data;
