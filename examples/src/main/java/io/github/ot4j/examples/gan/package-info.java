/**
 * WGAN examples: {@link io.github.ot4j.examples.gan.WganTsEightGaussiansDemo} (the flagship: the critic's estimate
 * next to the exact W<sub>1</sub> while a WGAN-TS trains) and {@link io.github.ot4j.examples.gan.WganDigitsExample}
 * (a WGAN on real 8 × 8 digit images); {@link io.github.ot4j.examples.gan.GanMethodsBenchmark} compares the
 * issue-16 training methods with the WGAN modes by the exact W<sub>1</sub>.
 */
package io.github.ot4j.examples.gan;
