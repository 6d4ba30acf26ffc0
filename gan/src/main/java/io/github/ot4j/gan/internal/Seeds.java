package io.github.ot4j.gan.internal;

/**
 * Counter-based seeds: every random draw of a training run takes the seed
 * mix(runSeed, iteration, stream, index), a pure function, so that the pair (runSeed, iteration) is the whole
 * random state of a run.
 */
public final class Seeds {

    /** The stream of real batches. */
    public static final int REAL = 1;
    /** The stream of the noise of the critic's fake batches. */
    public static final int CRITIC_NOISE = 2;
    /** The stream of the critic step's own draws (penalty interpolation). */
    public static final int CRITIC_STEP = 3;
    /** The stream of the generator step's noise. */
    public static final int GENERATOR_NOISE = 4;
    /** The stream of the monitor's generated sample. */
    public static final int MONITOR = 5;
    /** The stream of the generator regulariser's draws (Jacobian clamping's perturbations). */
    public static final int GENERATOR_REGULARIZER = 6;
    /** The stream of the tempering lens's real batches. */
    public static final int LENS = 7;
    /** The stream of the tempering lens's initialisation (iteration 0). */
    public static final int LENS_INIT = 8;
    /** The stream of the representative features' autoencoder (initialisation and pre-training batches). */
    public static final int ENCODER = 9;

    private Seeds() {
    }

    /**
     * @param seed      the run's seed
     * @param iteration the generator step
     * @param stream    one of the stream constants
     * @param index     the draw within the step (the critic step)
     * @return a well-mixed 64-bit seed
     */
    public static long of(long seed, long iteration, int stream, int index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h + iteration);
        h = mix(h + ((long) stream << 32) + index);
        return h;
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
