package io.github.ot4j.gan;

/**
 * Training produced a NaN or an infinity. Thrown before the offending update is written to a checkpoint: the
 * last checkpoint on disk is the last good state.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The generator step (1-based) that failed. */
    private final long iteration;
    /** What was not finite. */
    private final String quantity;

    /**
     * @param iteration the generator step (1-based) that failed
     * @param quantity  what was not finite, for example {@code "generator gradient"}
     * @param problem   {@code NaN}, {@code infinity} or {@code overflow}
     * @param cause     the underlying exception, or {@code null}
     */
    public TrainingDivergedException(long iteration, String quantity, String problem, Throwable cause) {
        super("training diverged at iteration " + iteration + ": " + quantity + " is " + problem, cause);
        this.iteration = iteration;
        this.quantity = quantity;
    }

    /** @return the generator step (1-based) that failed */
    public long iteration() {
        return iteration;
    }

    /** @return what was not finite */
    public String quantity() {
        return quantity;
    }
}
