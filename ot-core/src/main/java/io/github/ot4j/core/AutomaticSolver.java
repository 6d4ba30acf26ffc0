package io.github.ot4j.core;

import io.github.ot4j.core.oned.OneDimensionalSolver;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;

/**
 * The default solver (package-private; see {@link ExactSolvers#defaultSolver()}): the 1-D closed form where it
 * applies, the network simplex everywhere else. The multiscale {@code ShortlistSolver} is not chosen
 * automatically: it is exact and needs only O(n + m + candidates) memory, and on its assignment path (n = m,
 * equal weights) with the squared Euclidean cost it is faster than the network simplex from a few thousand points
 * (2.8× at 10 000; docs/benchmarks.md), but with the Euclidean cost it is slower at every size both can hold, and
 * its package builds on this one. Ask for it explicitly for large assignment problems under the squared cost, or
 * where n·m bits do not fit in memory.
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
