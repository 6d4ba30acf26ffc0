package io.github.ot4j.core;

import io.github.ot4j.core.io.PointCloudCsv;
import io.github.ot4j.core.wgants.TwoStepTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Null arguments and wrong-shape warm starts are IllegalArgumentExceptions naming the argument. */
class NullArgumentsTest {

    private static final TransportProblem PROBLEM = TransportProblem.of(new double[] {0.5, 0.5},
            new double[] {1.0}, CostMatrix.of(new double[][] {{1}, {2}}));

    @Test
    void planArraysMustNotBeNull() {
        assertThatThrownBy(() -> TransportPlan.of(1, 1, null, new int[1], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows is null");
        assertThatThrownBy(() -> TransportPlan.of(1, 1, new int[1], new int[1], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masses is null");
    }

    @Test
    void planSizesMustBePositive() {
        assertThatThrownBy(() -> TransportPlan.of(-1, 1, new int[0], new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be >= 1 but is -1");
        assertThatThrownBy(() -> TransportPlan.of(1, 0, new int[0], new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("m must be >= 1 but is 0");
    }

    @Test
    void planCostMatrixMustNotBeNull() {
        TransportPlan plan = TransportPlan.of(1, 1, new int[] {0}, new int[] {0}, new double[] {1});
        assertThatThrownBy(() -> plan.cost(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cost must not be null");
    }

    @Test
    void twoStepTargetArraysMustNotBeNull() {
        assertThatThrownBy(() -> new TwoStepTarget(null, new double[1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real is null");
        assertThatThrownBy(() -> new TwoStepTarget(new double[1], null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fake is null");
    }

    @Test
    void certificateArgumentsMustNotBeNull() {
        TransportResult r = ExactSolvers.networkSimplex().solve(PROBLEM);
        assertThatThrownBy(() -> Certificate.of(null, r.plan(), r.potentials()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problem is null");
        assertThatThrownBy(() -> Certificate.of(PROBLEM, null, r.potentials()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan is null");
        assertThatThrownBy(() -> Certificate.of(PROBLEM, r.plan(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("potentials is null");
    }

    @Test
    void csvFileMustNotBeNull() {
        assertThatThrownBy(() -> PointCloudCsv.readPair((Path) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file");
    }

    @Test
    void defaultWarmStartChecksTheProblemFirst() {
        ExactSolver plain = p -> ExactSolvers.networkSimplex().solve(p);
        assertThatThrownBy(() -> plain.solve(null, new Potentials(new double[1], new double[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problem");
    }

    @Test
    void oneDimensionalSolverChecksTheWarmStartShape() {
        TransportProblem line = TransportProblem.of(DiscreteMeasure.uniform(new double[][] {{0}, {1}}),
                DiscreteMeasure.uniform(new double[][] {{2}}), GroundCost.euclidean());
        assertThatThrownBy(() -> ExactSolvers.oneDimensional().solve(line,
                new Potentials(new double[3], new double[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths 3 and 1");
    }
}
