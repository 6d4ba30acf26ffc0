package io.github.ot4j.critic.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportResult;
import org.junit.jupiter.api.Test;

/** The oracle reading: the exact potential of one pair, extended by its c-transform and read on another. */
class DualReadingTest {

    private static final GroundCost COST = GroundCost.cityblock();

    @Test
    void oracleReadsTheExactValueOnItsOwnPairAndABoundOnAFreshOne() {
        DiscreteMeasure p = cloud(300, 0.0, 1);
        DiscreteMeasure q = cloud(250, 0.7, 2);
        TransportResult trained = ExactSolvers.defaultSolver().solve(p, q, COST);

        double own = DualReading.oracle(q, trained.potentials().v(), p, q, COST);
        assertThat(own).isCloseTo(trained.value(), offset(1e-9 * trained.value()));

        DiscreteMeasure pFresh = cloud(400, 0.0, 3);
        DiscreteMeasure qFresh = cloud(350, 0.7, 4);
        double freshExact = ExactSolvers.defaultSolver().solve(pFresh, qFresh, COST).value();
        double fresh = DualReading.oracle(q, trained.potentials().v(), pFresh, qFresh, COST);
        // a lower bound on the fresh pair's exact value, and a good one for a shift of 0.7 in each coordinate
        assertThat(fresh).isLessThanOrEqualTo(freshExact + 1e-12).isGreaterThan(0.8 * freshExact);
        // the extension written out: f(z) = min_j |z - x'_j|_1 - v_j
        double byHand = DualReading.cTransform(pFresh, extended(pFresh, q, trained.potentials().v()), qFresh,
                extended(qFresh, q, trained.potentials().v()), COST);
        assertThat(fresh).isCloseTo(byHand, offset(1e-12));
    }

    private static double[] extended(DiscreteMeasure at, DiscreteMeasure through, double[] v) {
        double[][] z = at.points();
        double[][] x = through.points();
        double[] f = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            f[i] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < x.length; j++) {
                f[i] = Math.min(f[i], Math.abs(z[i][0] - x[j][0]) + Math.abs(z[i][1] - x[j][1]) - v[j]);
            }
        }
        return f;
    }

    @Test
    void oracleRefusesAPotentialOfTheWrongLengthAndPointsOfAnotherDimension() {
        DiscreteMeasure p = cloud(10, 0.0, 5);
        DiscreteMeasure q = cloud(12, 1.0, 6);
        assertThatThrownBy(() -> DualReading.oracle(q, new double[11], p, q, COST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v must have 12 values but has 11");
        DiscreteMeasure line = DiscreteMeasure.uniform(new double[][] {{0}, {1}});
        assertThatThrownBy(() -> DualReading.oracle(q, new double[12], line, line, COST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p, q and trainedQ must have one dimension but have 1, 1 and 2");
    }

    private static DiscreteMeasure cloud(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = random.nextDouble() + shift;
            row[1] = random.nextDouble() + shift;
        }
        return DiscreteMeasure.uniform(x);
    }
}
