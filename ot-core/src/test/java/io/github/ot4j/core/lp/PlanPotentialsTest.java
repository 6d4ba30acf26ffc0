package io.github.ot4j.core.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import org.junit.jupiter.api.Test;

/** Tests of the recovery of potentials from a plan's residual graph. */
class PlanPotentialsTest {

    private static final double TOL = 1e-12;

    /** Two sources and two targets, all four columns, row-major. */
    private static final int[] START = {0, 2, 4};
    private static final int[] TARGET = {0, 1, 0, 1};

    @Test
    void potentialsOfAnOptimalPlanAreTightOnItsSupportAndFeasibleElsewhere() {
        // C = [[0, 2], [3, 1]]: the identity plan is optimal
        double[] cost = {0, 2, 3, 1};
        double[] x = {0.5, 0, 0, 0.5};

        double[][] uv = PlanPotentials.recover(2, 2, START, TARGET, cost, x, 1e-14, TOL);

        double[] u = uv[0];
        double[] v = uv[1];
        assertThat(u[0] + v[0]).isCloseTo(0, within(TOL));
        assertThat(u[1] + v[1]).isCloseTo(1, within(TOL));
        assertThat(u[0] + v[1]).isLessThanOrEqualTo(2 + TOL);
        assertThat(u[1] + v[0]).isLessThanOrEqualTo(3 + TOL);
    }

    @Test
    void aPlanWithANegativeCycleIsImprovedToTheOptimumFirst() {
        // the anti-diagonal plan costs 5 where the identity costs 1: cancelling the cycle finds the identity
        double[] cost = {0, 2, 3, 1};
        double[] x = {0, 0.5, 0.5, 0};

        double[][] uv = PlanPotentials.recover(2, 2, START, TARGET, cost, x, 1e-14, TOL);

        assertThat(x).containsExactly(0.5, 0, 0, 0.5);
        assertThat(uv[0][0] + uv[1][0]).isCloseTo(0, within(TOL));
        assertThat(uv[0][1] + uv[1][1]).isCloseTo(1, within(TOL));
        assertThat(uv[0][0] + uv[1][1]).isLessThanOrEqualTo(2 + TOL);
        assertThat(uv[0][1] + uv[1][0]).isLessThanOrEqualTo(3 + TOL);
    }

    @Test
    void spuriousTinyEntriesThatCloseANegativeCycleAreRemoved() {
        // the identity plan with 1e-13 moved onto the off-diagonal: above the mass tolerance 1e-14, so support
        double tiny = 1e-13;
        double[] cost = {0, 2, 3, 1};
        double[] x = {0.5 - tiny, tiny, tiny, 0.5 - tiny};

        PlanPotentials.recover(2, 2, START, TARGET, cost, x, 1e-14, TOL);

        assertThat(x[1]).isZero();
        assertThat(x[2]).isZero();
        assertThat(x[0]).isCloseTo(0.5, within(1e-16));
        assertThat(x[3]).isCloseTo(0.5, within(1e-16));
    }

    @Test
    void onlyTheGivenColumnsConstrainThePotentials() {
        // without column (0, 1) nothing bounds u0 + v1; with it the potentials must respect C01 = -5
        double[] cost = {0, 3, 1};
        int[] start = {0, 1, 3};
        int[] target = {0, 0, 1};
        double[] x = {0.5, 0, 0.5};

        double[][] uv = PlanPotentials.recover(2, 2, start, target, cost, x, 1e-14, TOL);

        assertThat(uv[0][0] + uv[1][0]).isCloseTo(0, within(TOL));
        assertThat(uv[0][1] + uv[1][1]).isCloseTo(1, within(TOL));
        assertThat(uv[0][1] + uv[1][0]).isLessThanOrEqualTo(3 + TOL);
    }

    @Test
    void cancellingStopsWithAnIterationLimitWhenTheTimeBudgetRunsOut() {
        // the anti-diagonal plan holds a negative cycle; a budget of one nanosecond is spent by the first search
        double[] cost = {0, 2, 3, 1};
        double[] x = {0, 0.5, 0.5, 0};

        assertThatThrownBy(() -> PlanPotentials.recover(2, 2, START, TARGET, cost, x, 1e-14, TOL, 1))
                .isInstanceOfSatisfying(TransportSolverException.class,
                        e -> assertThat(e.status()).isEqualTo(SolverStatus.ITERATION_LIMIT));
    }
}
