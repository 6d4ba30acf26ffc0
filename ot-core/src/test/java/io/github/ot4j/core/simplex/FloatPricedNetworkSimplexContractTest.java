package io.github.ot4j.core.simplex;

import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolverContract;

/**
 * The network simplex honours the contract when it looks for entering arcs with costs rounded to floats (as it
 * does for large problems) and proves optimality with exact ones.
 */
class FloatPricedNetworkSimplexContractTest extends ExactSolverContract {

    @Override
    protected ExactSolver solver() {
        return new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, Long.MAX_VALUE));
    }
}
