package io.github.ot4j.core;

/** The default solver (1-D closed form or network simplex) honours the exact-solver contract. */
class DefaultSolverContractTest extends ExactSolverContract {

    @Override
    protected ExactSolver solver() {
        return ExactSolvers.defaultSolver();
    }
}
