package io.github.ot4j.core.simplex;

import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolverContract;

/** The network simplex honours the contract when it reads every cost on demand (no cache) in small blocks. */
class UncachedNetworkSimplexContractTest extends ExactSolverContract {

    @Override
    protected ExactSolver solver() {
        return new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, 0).withBlockSize(7));
    }
}
