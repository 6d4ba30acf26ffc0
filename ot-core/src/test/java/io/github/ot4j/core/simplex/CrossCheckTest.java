package io.github.ot4j.core.simplex;

import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.oned.OneDimensionalSolver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network simplex (and, on the line, the closed form) against the ojAlgo linear program on seeded random
 * instances: the values agree to {@link #TOL} relative and every certificate holds at {@link #TOL}.
 */
class CrossCheckTest {

    /** The one tolerance of these tests. */
    private static final double TOL = 1e-9;

    private final ExactSolver reference = ExactSolvers.ojAlgo();
    private final ExactSolver simplex = ExactSolvers.networkSimplex();
    private final ExactSolver uncached = new NetworkSimplexSolver(
            NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, 0));
    private final ExactSolver floatPriced = new NetworkSimplexSolver(
            NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, Long.MAX_VALUE));
    private final ExactSolver line = ExactSolvers.oneDimensional();

    @Test
    void agreesWithOjAlgoOnSmallInstances() {
        crossCheck(0, 200, 24);
    }

    @Test
    @Tag("slow")
    void agreesWithOjAlgoOnTwoThousandInstancesUpTo200Points() {
        crossCheck(1000, 2000, 200);
    }

    /**
     * Checks the seeds [first, first + count). The reference must solve every one of them: a failure of ojAlgo
     * is collected (so that one run names all such seeds) and fails the test at the end, while the other
     * solvers are still checked for certificates on that seed.
     */
    private void crossCheck(long first, int count, int maxSize) {
        List<String> referenceFailures = new ArrayList<>();
        for (long seed = first; seed < first + count; seed++) {
            check(seed, maxSize, referenceFailures);
        }
        assertThat(referenceFailures).as("seeds where ojAlgo failed").isEmpty();
    }

    private void check(long seed, int maxSize, List<String> referenceFailures) {
        TransportProblem p = RandomInstances.of(seed, maxSize);
        TransportResult expected;
        try {
            expected = reference.solve(p);
            assertThat(expected.certificate().holds(TOL)).as("seed %d ojAlgo %s", seed, expected.certificate())
                    .isTrue();
        } catch (TransportSolverException e) {
            referenceFailures.add("seed " + seed + ": " + e.getMessage());
            expected = null;
        }
        for (ExactSolver solver : new ExactSolver[] {simplex, uncached, floatPriced}) {
            TransportResult r = solver.solve(p);
            assertThat(r.certificate().holds(TOL)).as("seed %d %s %s", seed, solver, r.certificate()).isTrue();
            assertThat(r.plan().size()).isLessThanOrEqualTo(p.n() + p.m() - 1);
            if (expected != null) {
                assertThat(Math.abs(r.value() - expected.value())).as("seed %d %s: %s vs ojAlgo %s", seed, solver,
                        r.value(), expected.value()).isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(expected.value())));
            }
        }
        if (OneDimensionalSolver.appliesTo(p)) {
            TransportResult r = line.solve(p);
            assertThat(r.certificate().holds(TOL)).as("seed %d 1-D %s", seed, r.certificate()).isTrue();
            if (expected != null) {
                assertThat(Math.abs(r.value() - expected.value())).as("seed %d 1-D", seed)
                        .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(expected.value())));
            }
        }
    }
}
