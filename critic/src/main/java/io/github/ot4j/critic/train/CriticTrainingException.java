package io.github.ot4j.critic.train;

import io.github.ot4j.critic.internal.NonFiniteException;

/**
 * A critic update that failed numerically (NaN or infinity in the loss, the gradient or the parameters). The
 * critic's parameters and updater state are those from before the update.
 */
public final class CriticTrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The quantity that became non-finite, such as {@code "loss"}, {@code "gradient"}, {@code "parameters"}. */
    private final String quantity;

    /**
     * @param quantity the quantity that became non-finite
     * @param message  what happened
     */
    public CriticTrainingException(String quantity, String message) {
        super(message);
        this.quantity = quantity;
    }

    /** The trainers' translation of the seam's exception. */
    static CriticTrainingException from(NonFiniteException e) {
        CriticTrainingException translated = new CriticTrainingException(e.quantity(), "critic "
                + e.quantity() + " not finite (" + e.problem() + ")");
        translated.initCause(e);
        return translated;
    }

    /** @return the quantity that became non-finite ({@code loss}, {@code penalty}, {@code gradient}, ...) */
    public String quantity() {
        return quantity;
    }
}
