package io.github.ot4j.gan.checkpoint;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything a WGAN run needs to continue exactly where it stopped: both networks with their parameters and
 * their updaters' state (for example Adam's moment estimates and the iteration count of its bias correction),
 * the number of generator steps done, the random state, and the run's settings.
 *
 * <p>The trainer draws every random number (noise, real batches, interpolation coefficients) from a generator
 * seeded by a pure function of {@code (seed, iteration, draw)}; the pair {@code (seed, iteration)} therefore
 * <em>is</em> the random state, and a run resumed from a checkpoint continues bit-identically to one that never
 * stopped, provided its data source is {@link io.github.ot4j.gan.data.DataSource#reproducible() reproducible} and
 * its settings are the recorded ones (the trainer compares them field by field on resume).
 *
 * <p>The networks are held by reference, not copied: a checkpoint taken from a live trainer changes as training
 * goes on. {@link CheckpointFile#write} serialises them at once.
 *
 * @param generator the generator network, with its updater state
 * @param critic    the critic network, with its updater state
 * @param iteration generator steps done, ≥ 0
 * @param seed      the run's seed
 * @param settings  the run's settings, typed field by field (the critic schedule with its method, enforcer or
 *                  cost and updater, the generator's updater, the batch size)
 * @param networks  further networks of the run by name (a lower-case letter, then lower-case letters or digits),
 *                  with their updater state: a tempering lens's {@code "lens"}, RFGAN's {@code "encoder"}, xICFG's
 *                  pending functional steps {@code "move00000"}, …; empty for a plain WGAN (unmodifiable)
 */
public record Checkpoint(MultiLayerNetwork generator, MultiLayerNetwork critic, long iteration, long seed,
                         RunSettings settings, Map<String, MultiLayerNetwork> networks) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    /**
     * @param generator the generator network, with its updater state
     * @param critic    the critic network, with its updater state
     * @param iteration generator steps done, ≥ 0
     * @param seed      the run's seed
     * @param settings  the run's settings
     * @param networks  further networks by name, a lower-case letter then letters or digits (copied)
     */
    public Checkpoint {
        if (generator == null) {
            throw new IllegalArgumentException("generator must not be null");
        }
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be non-negative but is " + iteration);
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        if (networks == null) {
            throw new IllegalArgumentException("networks must not be null (use an empty map)");
        }
        Map<String, MultiLayerNetwork> copy = new LinkedHashMap<>();
        networks.forEach((name, network) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a network's name must be a lower-case letter, then lower-case "
                        + "letters or digits, but is '" + name + "'");
            }
            if (network == null) {
                throw new IllegalArgumentException("network " + name + " must not be null");
            }
            copy.put(name, network);
        });
        networks = Collections.unmodifiableMap(copy);
    }

    /**
     * A checkpoint of a run with no networks but the generator and the critic.
     *
     * @param generator the generator network, with its updater state
     * @param critic    the critic network, with its updater state
     * @param iteration generator steps done, ≥ 0
     * @param seed      the run's seed
     * @param settings  the run's settings
     */
    public Checkpoint(MultiLayerNetwork generator, MultiLayerNetwork critic, long iteration, long seed,
                      RunSettings settings) {
        this(generator, critic, iteration, seed, settings, Map.of());
    }
}
