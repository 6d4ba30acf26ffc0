package io.github.ot4j.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom cost matrices with non-finite entries, or too many entries to index, are rejected by name. */
class BadCostMatricesTest {

    /** A 4 x 5 matrix of |i − j| with one entry replaced. */
    private static CostMatrix withEntry(int bi, int bj, double value) {
        return new CostMatrix() {
            @Override
            public int rows() {
                return 4;
            }

            @Override
            public int cols() {
                return 5;
            }

            @Override
            public double get(int i, int j) {
                return i == bi && j == bj ? value : Math.abs(i - j);
            }
        };
    }

    private static double[] uniform(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return w;
    }

    @Test
    void nonFiniteEntriesAreIllegalArgumentsNamingTheEntry() {
        for (ExactSolver solver : List.of(ExactSolvers.networkSimplex(), ExactSolvers.defaultSolver(),
                ExactSolvers.ojAlgo())) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                TransportProblem p = TransportProblem.of(uniform(4), uniform(5), withEntry(2, 3, bad));
                assertThatThrownBy(() -> solver.solve(p)).as("%s %s", solver, bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("(2, 3)").hasMessageContaining(Double.toString(bad));
            }
        }
    }

    @Test
    void ojAlgoRejectsProblemsTooLargeToIndexUpFront() {
        int n = 50_000;
        CostMatrix huge = new CostMatrix() {
            @Override
            public int rows() {
                return n;
            }

            @Override
            public int cols() {
                return n;
            }

            @Override
            public double get(int i, int j) {
                return 1;
            }
        };
        TransportProblem p = TransportProblem.of(uniform(n), uniform(n), huge);
        assertThatThrownBy(() -> ExactSolvers.ojAlgo().solve(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50000 x 50000");
    }
}
