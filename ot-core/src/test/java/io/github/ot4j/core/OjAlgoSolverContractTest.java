package io.github.ot4j.core;

/** The reference solver honours the exact-solver contract. */
class OjAlgoSolverContractTest extends ExactSolverContract {

    @Override
    protected ExactSolver solver() {
        return ExactSolvers.ojAlgo();
    }
}
