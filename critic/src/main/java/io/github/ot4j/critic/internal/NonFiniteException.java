package io.github.ot4j.critic.internal;

/**
 * A quantity of a training step (a loss, a gradient, the parameters) became NaN or infinite. Thrown by
 * {@link Finite#require} and {@link TrainableNetwork#attempt}; the public trainers translate it into their own
 * exceptions ({@code CriticTrainingException}, {@code TrainingDivergedException}), which name the quantity.
 */
public final class NonFiniteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was not finite. */
    private final String quantity;
    /** {@code NaN}, {@code infinity} or {@code overflow}. */
    private final String problem;
    /** The name of the network whose parameters were not finite, or null. */
    private final String network;

    /**
     * @param quantity what was not finite, such as {@code "gradient"}
     * @param problem  {@code NaN}, {@code infinity} or {@code overflow}
     */
    public NonFiniteException(String quantity, String problem) {
        this(quantity, problem, null);
    }

    /**
     * @param quantity what was not finite, such as {@code "parameters"}
     * @param problem  {@code NaN}, {@code infinity} or {@code overflow}
     * @param network  the name of the network it belongs to, or null
     */
    public NonFiniteException(String quantity, String problem, String network) {
        super((network == null ? "" : network + " ") + quantity + " not finite (" + problem + ")");
        this.quantity = quantity;
        this.problem = problem;
        this.network = network;
    }

    /** @return the name of the network whose quantity was not finite, or null if not known */
    public String network() {
        return network;
    }

    /** @return what was not finite */
    public String quantity() {
        return quantity;
    }

    /** @return {@code NaN}, {@code infinity} or {@code overflow} */
    public String problem() {
        return problem;
    }
}
