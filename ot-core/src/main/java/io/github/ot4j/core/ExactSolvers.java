package io.github.ot4j.core;

import io.github.ot4j.core.lp.OjAlgoSolver;

/**
 * Factories for the built-in {@link ExactSolver}s.
 */
public final class ExactSolvers {

    private ExactSolvers() {
    }

    /**
     * The solver to use if you are not sure what you need.
     *
     * @return the default exact solver
     */
    public static ExactSolver defaultSolver() {
        return ojAlgo();
    }

    /**
     * The reference solver: the transport linear program solved by ojAlgo's simplex method. Slow beyond a
     * few hundred points; use it to cross-check.
     *
     * @return the ojAlgo linear-programming solver
     */
    public static ExactSolver ojAlgo() {
        return new OjAlgoSolver();
    }
}
