package io.github.ot4j.core;

import io.github.ot4j.core.oned.OneDimensionalSolver;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;

/**
 * The default solver (package-private; see {@link ExactSolvers#defaultSolver()}): the 1-D closed form where it
 * applies, the network simplex everywhere else. The multiscale {@code ShortlistSolver} is not chosen
 * automatically: it is exact and needs only O(n + m + candidates) memory, but it was slower than the network
 * simplex at every size measured (5 000 to 20 000 points on a side; docs/solvers.md), so picking it by size
 * would only slow solves down. Ask for it explicitly where n·m bits do not fit in memory.
 */
final class AutomaticSolver implements ExactSolver {

    static final AutomaticSolver INSTANCE = new AutomaticSolver();

    private final ExactSolver line = new OneDimensionalSolver();
    private final ExactSolver simplex = new NetworkSimplexSolver();

    private AutomaticSolver() {
    }

    @Override
    public TransportResult solve(TransportProblem problem) {
        return OneDimensionalSolver.appliesTo(problem) ? line.solve(problem) : simplex.solve(problem);
    }

    @Override
    public TransportResult solve(TransportProblem problem, Potentials warmStart) {
        if (warmStart != null && problem != null) {
            warmStart.checkShape(problem);
        }
        return OneDimensionalSolver.appliesTo(problem) ? line.solve(problem) : simplex.solve(problem, warmStart);
    }

    @Override
    public String toString() {
        return "AutomaticSolver[1-D closed form, else network simplex]";
    }
}
