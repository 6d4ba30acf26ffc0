package io.github.ot4j.core.simplex;

import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolverContract;
import io.github.ot4j.core.ExactSolvers;

/** The network simplex honours the exact-solver contract. */
class NetworkSimplexSolverContractTest extends ExactSolverContract {

    @Override
    protected ExactSolver solver() {
        return ExactSolvers.networkSimplex();
    }
}
