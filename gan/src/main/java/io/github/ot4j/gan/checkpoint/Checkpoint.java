package io.github.ot4j.gan.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Everything a WGAN run needs to continue exactly where it stopped: both networks with their parameters and
 * their updaters' state (for example Adam's moment estimates and the iteration count of its bias correction),
 * the number of generator steps done, and the random state.
 *
 * <p>The trainer draws every random number (noise, real batches, interpolation coefficients) from a generator
 * seeded by a pure function of {@code (seed, iteration, draw)}; the pair {@code (seed, iteration)} therefore
 * <em>is</em> the random state, and a run resumed from a checkpoint continues bit-identically to one that never
 * stopped, provided its data source is {@link io.github.ot4j.gan.data.DataSource#reproducible() reproducible}.
 *
 * <p>The networks are held by reference, not copied: a checkpoint taken from a live trainer changes as training
 * goes on. {@link CheckpointFile#write} serialises them at once.
 *
 * @param generator the generator network, with its updater state
 * @param critic    the critic network, with its updater state
 * @param iteration generator steps done, ≥ 0
 * @param seed      the run's seed
 * @param settings  the run's settings that a resumed run must repeat to stay bit-identical (name → description,
 *                  such as the critic schedule, the generator's updater and the batch size); empty for a
 *                  checkpoint that does not record them
 */
public record Checkpoint(MultiLayerNetwork generator, MultiLayerNetwork critic, long iteration, long seed,
                         Map<String, String> settings) {

    /**
     * @param generator the generator network, with its updater state
     * @param critic    the critic network, with its updater state
     * @param iteration generator steps done, ≥ 0
     * @param seed      the run's seed
     * @param settings  the run's settings, copied (names and descriptions must not be null)
     */
    public Checkpoint {
        if (generator == null || critic == null) {
            throw new IllegalArgumentException("generator and critic must not be null");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be non-negative but is " + iteration);
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * A checkpoint that records no run settings.
     *
     * @param generator the generator network, with its updater state
     * @param critic    the critic network, with its updater state
     * @param iteration generator steps done, ≥ 0
     * @param seed      the run's seed
     */
    public Checkpoint(MultiLayerNetwork generator, MultiLayerNetwork critic, long iteration, long seed) {
        this(generator, critic, iteration, seed, Map.of());
    }
}
