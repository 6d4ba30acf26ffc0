package io.github.ot4j.core.wgants;

import io.github.ot4j.core.Clouds;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TwoStepTargetsTest {

    private static final double TOL = 1e-9;

    @Test
    void targetsAreFeasibleOptimalAndCentred() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] real = Clouds.gaussian(random, 64, 8, 1);
        double[][] fake = Clouds.gaussian(random, 48, 8, 0);
        GroundCost cost = GroundCost.cityblock();
        TwoStepTarget t = TwoStepTargets.compute(real, fake, cost);
        double[] tr = t.real();
        double[] tf = t.fake();
        double scale = 0;
        for (int i = 0; i < real.length; i++) {
            for (int j = 0; j < fake.length; j++) {
                double c = cost.between(real[i], fake[j]);
                scale = Math.max(scale, c);
                assertThat(tr[i] - tf[j]).isLessThanOrEqualTo(c + TOL);
            }
        }
        // the targets' objective equals the primal optimum of the reference LP solver: with feasibility, that proves
        // the targets optimal (weak duality)
        double exact = ExactSolvers.ojAlgo().solve(DiscreteMeasure.uniform(real), DiscreteMeasure.uniform(fake), cost)
                .value();
        assertThat(t.distance()).isCloseTo(exact, within(TOL * exact));
        assertThat(t.objective()).isCloseTo(t.distance(), within(TOL * t.distance()));
        double mean = 0;
        for (double v : tr) {
            mean += v;
        }
        for (double v : tf) {
            mean += v;
        }
        assertThat(mean / (tr.length + tf.length)).isCloseTo(0, within(TOL * scale));
    }

    @Test
    void oneDimensionalTargetsGiveTheClosedFormDistance() {
        double[][] real = {{3}, {4}, {5}};
        double[][] fake = {{0}, {1}, {2}};
        TwoStepTarget t = TwoStepTargets.compute(real, fake, GroundCost.cityblock());
        // every real point is 3 to the right of a fake one
        assertThat(t.distance()).isCloseTo(3, within(TOL));
        assertThat(t.objective()).isCloseTo(3, within(TOL));
        // the critic targets rank real above fake
        for (double r : t.real()) {
            for (double f : t.fake()) {
                assertThat(r).isGreaterThan(f);
            }
        }
    }

    @Test
    void sameSeedSameTargets() {
        double[][] real = Clouds.gaussian(new SplittableRandom(3), 20, 2, 0);
        double[][] fake = Clouds.gaussian(new SplittableRandom(4), 20, 2, 0);
        assertThat(TwoStepTargets.compute(real, fake, GroundCost.cityblock()))
                .isEqualTo(TwoStepTargets.compute(real, fake, GroundCost.cityblock()));
    }

    @Test
    void badBatchesAreRejected() {
        assertThatThrownBy(() -> TwoStepTargets.compute(new double[0][], new double[][] {{1}}, GroundCost.cityblock()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real must not be empty");
        assertThatThrownBy(() -> TwoStepTargets.compute(new double[][] {{1}}, new double[][] {{1, 2}},
                GroundCost.cityblock())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("real has dimension 1 but fake has dimension 2");
    }
}
