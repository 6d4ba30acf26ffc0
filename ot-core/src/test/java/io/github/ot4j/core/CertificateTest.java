package io.github.ot4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The certificate is computed from an answer alone, so it must expose wrong answers. */
class CertificateTest {

    // two sources, two targets on a line: 0 -> 1 and 2 -> 3 is optimal (cost 1 each)
    private static final TransportProblem PROBLEM = TransportProblem.of(
            DiscreteMeasure.uniform(new double[][] {{0}, {2}}), DiscreteMeasure.uniform(new double[][] {{1}, {3}}),
            GroundCost.euclidean());

    private static final TransportPlan OPTIMAL_PLAN = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1},
            new double[] {0.5, 0.5});

    // C = [[1, 3], [1, 1]]; u = (0, 0), v = (1, 1) is tight on (0,0), (1,1), (1,0) and feasible on (0,1)
    private static final Potentials OPTIMAL_POTENTIALS = new Potentials(new double[] {0, 0}, new double[] {1, 1});

    @Test
    void optimalAnswerIsCertified() {
        Certificate c = Certificate.of(PROBLEM, OPTIMAL_PLAN, OPTIMAL_POTENTIALS);
        assertThat(c.primalCost()).isEqualTo(1.0);
        assertThat(c.dualObjective()).isEqualTo(1.0);
        assertThat(c.dualityGap()).isZero();
        assertThat(c.maxDualViolation()).isZero();
        assertThat(c.maxMarginalError()).isZero();
        assertThat(c.holds()).isTrue();
    }

    @Test
    void suboptimalPlanShowsAGap() {
        TransportPlan crossed = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {0.5, 0.5});
        Certificate c = Certificate.of(PROBLEM, crossed, OPTIMAL_POTENTIALS);
        assertThat(c.primalCost()).isEqualTo(2.0);
        assertThat(c.dualityGap()).isCloseTo(1.0, within(1e-15));
        assertThat(c.holds()).isFalse();
    }

    @Test
    void infeasiblePotentialsShowAViolation() {
        Potentials tooHigh = new Potentials(new double[] {0.5, 0}, new double[] {1, 1});
        Certificate c = Certificate.of(PROBLEM, OPTIMAL_PLAN, tooHigh);
        assertThat(c.maxDualViolation()).isCloseTo(0.5, within(1e-15));
        assertThat(c.holds()).isFalse();
    }

    @Test
    void planWithWrongMarginalsShowsTheError() {
        TransportPlan leaky = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {0.5, 0.4});
        Certificate c = Certificate.of(PROBLEM, leaky, OPTIMAL_POTENTIALS);
        assertThat(c.maxMarginalError()).isCloseTo(0.1, within(1e-15));
        assertThat(c.holds()).isFalse();
    }

    @Test
    void toleranceIsRelativeToTheCostScaleEvenBelowOne() {
        // costs of order 1e-6 and a gap of 0.1 % of the value: not a proof of optimality
        Certificate tiny = new Certificate(1e-6, 0.999e-6, 1e-9, 0, 0, 2e-6, 1);
        assertThat(tiny.holds()).isFalse();
        Certificate violated = new Certificate(1e-6, 1e-6, 0, 1e-9, 0, 2e-6, 1);
        assertThat(violated.holds()).isFalse();
        Certificate exact = new Certificate(1e-6, 1e-6, 1e-22, 0, 0, 2e-6, 1);
        assertThat(exact.holds()).isTrue();
        Certificate zero = new Certificate(0, 0, 0, 0, 0, 0, 1);
        assertThat(zero.holds()).isTrue();
    }
}
