package io.github.ot4j.core;

/**
 * Thrown when an exact solver cannot prove an answer optimal. It carries the solver's final status, so
 * that a non-optimal answer is never mistaken for a distance.
 */
public class TransportSolverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The solver's final status. */
    private final SolverStatus status;

    /**
     * @param status  the solver's final status, never {@link SolverStatus#OPTIMAL}
     * @param message what happened, with the figures that matter
     */
    public TransportSolverException(SolverStatus status, String message) {
        super(status + ": " + message);
        this.status = status;
    }

    /** @return the solver's final status */
    public SolverStatus status() {
        return status;
    }
}
