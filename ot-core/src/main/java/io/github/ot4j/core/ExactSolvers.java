package io.github.ot4j.core;

import io.github.ot4j.core.lp.OjAlgoSolver;
import io.github.ot4j.core.oned.OneDimensionalSolver;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;

/**
 * Factories for the built-in {@link ExactSolver}s.
 */
public final class ExactSolvers {

    private ExactSolvers() {
    }

    /**
     * The solver to use if you are not sure what you need: the closed form for one-dimensional points under a
     * |x − y|<sup>p</sup> cost (p ≥ 1, see {@link OneDimensionalSolver#appliesTo(TransportProblem)}), the
     * {@link #networkSimplex() network simplex} for everything else. Warm starts go to the network simplex.
     *
     * @return the default exact solver
     */
    public static ExactSolver defaultSolver() {
        return AutomaticSolver.INSTANCE;
    }

    /**
     * The network simplex method with {@link NetworkSimplexSolver.Options#DEFAULT default options}: exact, fast
     * (about POT's speed). By default it caches the costs, as doubles up to 2<sup>24</sup> entries (128 MiB) and
     * as floats up to 2<sup>27</sup> entries (512 MiB); {@code new NetworkSimplexSolver(Options.DEFAULT
     * .withCacheLimits(0, 0))} reads every cost on demand instead, in O(n + m) memory besides n·m bits.
     *
     * @return the network simplex solver
     */
    public static ExactSolver networkSimplex() {
        return new NetworkSimplexSolver();
    }

    /**
     * The closed form for one-dimensional points (sorting and the north-west corner rule); it rejects other
     * problems.
     *
     * @return the one-dimensional solver
     */
    public static ExactSolver oneDimensional() {
        return new OneDimensionalSolver();
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
