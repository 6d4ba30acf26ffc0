package io.github.ot4j.core.oned;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.core.breadth.BreadthReference;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import io.github.ot4j.core.TransportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Wasserstein1dTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void matchesPotOnTheWeightedInstance(int p) {
        MeasurePair pair = BreadthReference.pair("oned");
        double pot = BreadthReference.value("oned", "w" + p);
        assertThat(Wasserstein1d.distance(pair.x(), pair.y(), p)).isCloseTo(pot, within(TOLERANCE * pot));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, 2, 3})
    void equalsTheExactSolverForTheCostAbsoluteDifferenceToThePowerP(double p) {
        MeasurePair pair = BreadthReference.pair("oned");
        GroundCost cost = (x, y) -> Math.pow(Math.abs(x[0] - y[0]), p);
        double exact = new NetworkSimplexSolver().solve(TransportProblem.of(pair.x(), pair.y(), cost)).value();
        assertThat(Wasserstein1d.powered(pair.x(), pair.y(), p)).isCloseTo(exact, within(TOLERANCE * exact));
    }

    @Test
    void w1EqualsTheDefaultExactSolverWithUnnormalisedMass() {
        Random r = new Random(3);
        double[][] x = new double[37][1];
        double[][] y = new double[23][1];
        double[] a = new double[37];
        double[] b = new double[23];
        for (int i = 0; i < 37; i++) {
            x[i][0] = r.nextGaussian();
            a[i] = r.nextDouble() * 3 / 37;
        }
        double sa = 0;
        for (double v : a) {
            sa += v;
        }
        for (int j = 0; j < 23; j++) {
            y[j][0] = 2 * r.nextDouble();
            b[j] = 1;
        }
        for (int j = 0; j < 23; j++) {
            b[j] *= sa / 23;
        }
        DiscreteMeasure mu = DiscreteMeasure.of(x, a);
        DiscreteMeasure nu = DiscreteMeasure.of(y, b);
        double exact = OptimalTransport.solve(mu, nu, GroundCost.euclidean()).value();
        assertThat(Wasserstein1d.distance(mu, nu, 1)).isCloseTo(exact, within(TOLERANCE * exact));
    }

    @Test
    void closedFormsTranslationAndDirac() {
        double[] x = {0, 1, 2, 5};
        double[] a = {0.25, 0.25, 0.25, 0.25};
        double[] shifted = {3, 4, 5, 8};
        assertThat(Wasserstein1d.powered(x, a, shifted, a, 3)).isCloseTo(27, within(1e-12));
        // all mass to one point: W_p^p = sum a_i |x_i - 1|^p
        assertThat(Wasserstein1d.powered(x, a, new double[] {1}, new double[] {1}, 2))
                .isCloseTo(0.25 * (1 + 0 + 1 + 16), within(1e-12));
        assertThat(Wasserstein1d.powered(x, a, x, a, 2)).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        double[] x = {0, 1};
        double[] a = {0.5, 0.5};
        assertThatThrownBy(() -> Wasserstein1d.powered(x, a, x, a, 0.5)).hasMessageContaining("p must be");
        assertThatThrownBy(() -> Wasserstein1d.powered(x, a, x, a, Double.NaN)).hasMessageContaining("p must be");
        assertThatThrownBy(() -> Wasserstein1d.powered(new double[] {0, Double.NaN}, a, x, a, 1))
                .hasMessageContaining("x[1]");
        assertThatThrownBy(() -> Wasserstein1d.powered(x, new double[] {0.5, Double.POSITIVE_INFINITY}, x, a, 1))
                .hasMessageContaining("a[1]");
        assertThatThrownBy(() -> Wasserstein1d.powered(x, new double[] {0, 0}, x, new double[] {0, 0}, 1))
                .hasMessageContaining("positive mass");
        assertThatThrownBy(() -> Wasserstein1d.powered(x, a, x, new double[] {0.5, 0.6}, 1))
                .hasMessageContaining("same total mass");
        assertThatThrownBy(() -> Wasserstein1d.powered(x, a, new double[0], new double[0], 1))
                .hasMessageContaining("y must not be empty");
        DiscreteMeasure flat = DiscreteMeasure.uniform(new double[][] {{0, 1}});
        assertThatThrownBy(() -> Wasserstein1d.distance(flat, flat, 1)).hasMessageContaining("dimension 2");
    }
}
