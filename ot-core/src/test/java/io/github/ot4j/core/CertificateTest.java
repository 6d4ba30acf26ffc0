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
    void infeasiblePotentialsAreRepairedBeforeTheyBoundTheValue() {
        // u + v = C on the crossed (wrong) plan makes the gap 0, but the potentials are infeasible by 1:
        // repaired to v = (0, 0), they prove only a lower bound of 1 < 2
        TransportPlan crossed = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {0.5, 0.5});
        Potentials infeasible = new Potentials(new double[] {1, 1}, new double[] {1, 1});
        Certificate c = Certificate.of(PROBLEM, crossed, infeasible);
        assertThat(c.dualityGap()).isZero();
        assertThat(c.maxDualViolation()).isCloseTo(1.0, within(1e-15));
        assertThat(c.lowerBound()).isCloseTo(1.0, within(1e-15));
        assertThat(c.errorBound()).isGreaterThanOrEqualTo(1.0);
        assertThat(c.holds()).isFalse();
        // the optimal plan with slightly infeasible potentials is still proven: the repair only lowers v
        Potentials tooHigh = new Potentials(new double[] {0.5, 0}, new double[] {1, 1});
        Certificate optimal = Certificate.of(PROBLEM, OPTIMAL_PLAN, tooHigh);
        assertThat(optimal.maxDualViolation()).isCloseTo(0.5, within(1e-15));
        assertThat(optimal.holds()).isTrue();
    }

    @Test
    void planWithWrongMarginalsShowsTheError() {
        TransportPlan leaky = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {0.5, 0.4});
        Certificate c = Certificate.of(PROBLEM, leaky, OPTIMAL_POTENTIALS);
        assertThat(c.maxMarginalError()).isCloseTo(0.1, within(1e-15));
        assertThat(c.holds()).isFalse();
    }

    @Test
    void theBoundIsRelativeToTheValueNotToTheLargestCost() {
        // C = [[1e-6, 1e6], [1e6, 1e-6]]: optimum 1e-6 on the diagonal; a plan 0.1 % off it is refused although
        // its error is 1e-15 of max|C|·mass
        CostMatrix c = CostMatrix.of(new double[][] {{1e-6, 1e6}, {1e6, 1e-6}});
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, c);
        double leak = 0.5e-3 * 1e-6 / 1e6;
        TransportPlan off = TransportPlan.of(2, 2, new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1},
                new double[] {0.5 - leak, leak, leak, 0.5 - leak});
        Potentials tight = new Potentials(new double[] {0, 0}, new double[] {1e-6, 1e-6});
        Certificate wrong = Certificate.of(p, off, tight);
        assertThat(wrong.primalCost()).isCloseTo(1.001e-6, within(1e-15));
        assertThat(wrong.holds()).isFalse();
        TransportPlan diagonal = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {0.5, 0.5});
        Certificate right = Certificate.of(p, diagonal, tight);
        assertThat(right.holds()).isTrue();
        assertThat(right.errorBound()).isLessThanOrEqualTo(1e-9 * 1e-6);
    }

    @Test
    void aZeroOptimumIsProvenOnlyByAnExactAnswer() {
        TransportProblem same = TransportProblem.of(DiscreteMeasure.uniform(new double[][] {{0}, {2}}),
                DiscreteMeasure.uniform(new double[][] {{0}, {2}}), GroundCost.euclidean());
        Potentials zero = new Potentials(new double[2], new double[2]);
        TransportPlan diagonal = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {0.5, 0.5});
        assertThat(Certificate.of(same, diagonal, zero).holds()).isTrue();
        TransportPlan leaky = TransportPlan.of(2, 2, new int[] {0, 0, 1}, new int[] {0, 1, 1},
                new double[] {0.5 - 1e-12, 1e-12, 0.5});
        Certificate c = Certificate.of(same, leaky, zero);
        assertThat(c.floor()).isLessThan(1e-23);
        assertThat(c.holds()).isFalse();
    }

    @Test
    void subnormalCostsAreCertified() {
        CostMatrix c = CostMatrix.of(new double[][] {{0x1p-1070, 0x1p-1068}, {0x1p-1068, 0x1p-1070}});
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, c);
        TransportPlan diagonal = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {0.5, 0.5});
        Potentials tight = new Potentials(new double[] {0, 0}, new double[] {0x1p-1070, 0x1p-1070});
        assertThat(Certificate.of(p, diagonal, tight).holds()).isTrue();
    }

    @Test
    void aMarginalDefectOfRoundingIsRepairedThroughTightArcsNotAtTheLargestCost() {
        // the optimal diagonal of C = [[1e-6, 1e6], [1e6, 1e-6]] with one entry an ulp heavy: the simple repair
        // (3·max|C|·E ≈ 7e-10) would be 7e-4 of the value; routed through the tight diagonal it is ~1e-21
        CostMatrix c = CostMatrix.of(new double[][] {{1e-6, 1e6}, {1e6, 1e-6}});
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, c);
        TransportPlan heavy = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1},
                new double[] {0.5, Math.nextUp(0.5)});
        Potentials tight = new Potentials(new double[] {0, 0}, new double[] {1e-6, 1e-6});
        Certificate cert = Certificate.of(p, heavy, tight);
        assertThat(cert.marginalDefect()).isGreaterThan(0);
        assertThat(3 * cert.costScale() * cert.marginalDefect()).isGreaterThan(1e-9 * cert.primalCost());
        assertThat(cert.errorBound()).isLessThanOrEqualTo(1e-14 * cert.primalCost());
        assertThat(cert.holds()).isTrue();
    }

    @Test
    void aPlanOffItsMarginalsIsRefusedEvenWhenItsValueIsRight() {
        // 1e-6 of extra mass on a zero-cost entry: the value is still optimal, the plan is not a plan of the problem
        CostMatrix c = CostMatrix.of(new double[][] {{0, 1}, {1, 1}});
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, c);
        TransportPlan leaky = TransportPlan.of(2, 2, new int[] {0, 1}, new int[] {0, 1},
                new double[] {0.5 + 1e-6, 0.5});
        Certificate cert = Certificate.of(p, leaky, new Potentials(new double[] {0, 0}, new double[] {0, 1}));
        assertThat(cert.errorBound()).isLessThanOrEqualTo(1e-15);
        assertThat(cert.marginalDefect()).isGreaterThanOrEqualTo(2e-6);
        assertThat(cert.holds()).isFalse();
    }
}
