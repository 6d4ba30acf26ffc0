/**
 * Composite functional gradient learning (CFG, ICFG, xICFG: Johnson and Zhang 2018): a logistic discriminator and
 * a generator that moves its samples along the discriminator's gradient, distilled back into a network —
 * {@link io.github.ot4j.gan.cfg.CfgTrainer} with its {@link io.github.ot4j.gan.cfg.CfgConfig}.
 */
package io.github.ot4j.gan.cfg;
