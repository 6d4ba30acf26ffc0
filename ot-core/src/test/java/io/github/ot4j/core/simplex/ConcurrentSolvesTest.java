package io.github.ot4j.core.simplex;

import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One solver instance shared by several threads gives every thread the sequential answers, bit for bit. */
class ConcurrentSolvesTest {

    @Test
    void sharedSolversGiveIdenticalResultsFromFourThreads() throws Exception {
        for (ExactSolver solver : List.of(ExactSolvers.networkSimplex(), ExactSolvers.defaultSolver())) {
            List<TransportProblem> problems = new ArrayList<>();
            for (long seed = 0; seed < 24; seed++) {
                problems.add(RandomInstances.of(500 + seed, 60));
            }
            List<TransportResult> sequential = new ArrayList<>();
            for (TransportProblem p : problems) {
                sequential.add(solver.solve(p));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<TransportResult>>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        List<TransportResult> out = new ArrayList<>();
                        for (int k = 0; k < problems.size(); k++) {
                            out.add(solver.solve(problems.get((k + offset * 5) % problems.size())));
                        }
                        return out;
                    }));
                }
                for (int t = 0; t < 4; t++) {
                    List<TransportResult> out = futures.get(t).get();
                    for (int k = 0; k < problems.size(); k++) {
                        TransportResult expected = sequential.get((k + t * 5) % problems.size());
                        TransportResult actual = out.get(k);
                        assertThat(actual.value()).isEqualTo(expected.value());
                        assertThat(actual.plan().entries()).isEqualTo(expected.plan().entries());
                        assertThat(actual.potentials()).isEqualTo(expected.potentials());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
