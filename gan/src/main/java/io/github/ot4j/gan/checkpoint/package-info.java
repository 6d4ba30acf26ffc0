/**
 * Checkpoints of a WGAN run: both networks, both updaters' state, the iteration and the random state,
 * {@link io.github.ot4j.gan.checkpoint.CheckpointFile written atomically}, from which training resumes
 * bit-identically.
 */
package io.github.ot4j.gan.checkpoint;
