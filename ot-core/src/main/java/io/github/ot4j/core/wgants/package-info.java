/**
 * WGAN-TS (Liu, Gu, Samaras, ICML 2018) step 1: exact transport targets for a critic, computed by
 * {@link io.github.ot4j.core.wgants.TwoStepTargets} on a real and a generated batch.
 */
package io.github.ot4j.core.wgants;
