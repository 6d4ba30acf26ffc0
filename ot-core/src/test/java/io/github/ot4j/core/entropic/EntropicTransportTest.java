package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.breadth.BreadthReference;
import io.github.ot4j.core.io.MeasurePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EntropicTransportTest {

    /** Agreement with POT, relative. */
    private static final double POT_TOLERANCE = 1e-6;

    @ParameterizedTest
    @CsvSource({"ent2d, sqeuclidean, 0.164296888844476", "ent2d, sqeuclidean, 1.6429688884447597",
            "ent5d, euclidean, 0.15833338142482845", "ent5d, euclidean, 1.5833338142482842"})
    void sinkhornEntropicAndDivergenceMatchPot(String name, String metric, String eps) {
        MeasurePair pair = BreadthReference.pair(name);
        double epsilon = Double.parseDouble(eps);
        GroundCost cost = GroundCost.named(metric);
        EntropicResult r = EntropicTransport.solve(pair.x(), pair.y(), cost, epsilon);
        double sinkhorn = BreadthReference.value(name, "by_eps", eps, "sinkhorn");
        double entropic = BreadthReference.value(name, "by_eps", eps, "entropic");
        double divergence = BreadthReference.value(name, "by_eps", eps, "divergence");
        assertThat(r.sinkhorn()).isCloseTo(sinkhorn, within(POT_TOLERANCE * sinkhorn));
        assertThat(r.value()).isEqualTo(r.sinkhorn());
        assertThat(r.entropic()).isCloseTo(entropic, within(POT_TOLERANCE * entropic));
        SinkhornDivergence s = EntropicTransport.divergence(pair.x(), pair.y(), cost, epsilon);
        assertThat(s.value()).isCloseTo(divergence, within(POT_TOLERANCE * divergence));
        assertThat(s.xy()).isCloseTo(r.entropic(), within(1e-12 * entropic));
    }

    @Test
    void marginalsHoldToTheToleranceAndTheDualEqualsTheEntropicValue() {
        MeasurePair pair = BreadthReference.pair("ent2d");
        EntropicResult r = EntropicTransport.solve(pair.x(), pair.y(), GroundCost.squaredEuclidean(), 0.2);
        assertThat(r.marginalError()).isLessThanOrEqualTo(2e-9);
        double[] rows = r.plan().rowSums();
        double[] cols = r.plan().columnSums();
        for (int i = 0; i < rows.length; i++) {
            assertThat(rows[i]).isCloseTo(pair.x().weight(i), within(1e-9));
        }
        for (int j = 0; j < cols.length; j++) {
            assertThat(cols[j]).isCloseTo(pair.y().weight(j), within(1e-9));
        }
        double dual = 0;
        for (int i = 0; i < rows.length; i++) {
            dual += pair.x().weight(i) * r.potentials().u(i);
        }
        for (int j = 0; j < cols.length; j++) {
            dual += pair.y().weight(j) * r.potentials().v(j);
        }
        assertThat(dual).isCloseTo(r.entropic(), within(1e-8));
        double[][] p = r.plan().toArray();
        assertThat(p[3][7]).isEqualTo(r.plan().get(3, 7)).isPositive();
        assertThat(r.plan().mass()).isCloseTo(1, within(1e-9));
    }

    @Test
    void sinkhornDecreasesToTheExactValueAsEpsilonShrinksAndStaysAboveIt() {
        Random r = new Random(11);
        double[][] x = new double[60][2];
        double[][] y = new double[50][2];
        for (double[] p : x) {
            p[0] = r.nextGaussian();
            p[1] = r.nextGaussian();
        }
        for (double[] p : y) {
            p[0] = r.nextGaussian() + 1;
            p[1] = 0.5 * r.nextGaussian();
        }
        DiscreteMeasure mu = DiscreteMeasure.uniform(x);
        DiscreteMeasure nu = DiscreteMeasure.uniform(y);
        GroundCost cost = GroundCost.euclidean();
        double exact = OptimalTransport.solve(mu, nu, cost).value();
        double previous = Double.POSITIVE_INFINITY;
        EntropicTransport.Options scaled = EntropicTransport.Options.DEFAULT.withEpsilonScaling(true);
        for (double eps : new double[] {1.0, 0.1, 0.01, 0.002}) {
            double s = EntropicTransport.solve(mu, nu, cost, eps, scaled).sinkhorn();
            assertThat(s).isGreaterThanOrEqualTo(exact).isLessThan(previous);
            previous = s;
        }
        assertThat(previous - exact).isLessThan(1e-3 * exact);
    }

    @Test
    void theSymmetricSelfSolveAgreesWithTheAlternatingOne() {
        MeasurePair pair = BreadthReference.pair("ent2d");
        double eps = 1.0;
        double alternating = EntropicTransport.solve(pair.y(), pair.y(), GroundCost.squaredEuclidean(), eps).entropic();
        double symmetric = EntropicTransport.selfTransport(pair.y(), GroundCost.squaredEuclidean(), eps,
                EntropicTransport.Options.DEFAULT).entropic();
        assertThat(symmetric).isCloseTo(alternating, within(1e-8 * alternating));
    }

    @Test
    void epsilonScalingGivesTheSameAnswer() {
        MeasurePair pair = BreadthReference.pair("ent2d");
        double eps = 0.05;
        EntropicResult plain = EntropicTransport.solve(pair.x(), pair.y(), GroundCost.squaredEuclidean(), eps);
        EntropicResult scaled = EntropicTransport.solve(pair.x(), pair.y(), GroundCost.squaredEuclidean(), eps,
                EntropicTransport.Options.DEFAULT.withEpsilonScaling(true));
        assertThat(scaled.sinkhorn()).isCloseTo(plain.sinkhorn(), within(1e-7 * plain.sinkhorn()));
        assertThat(scaled.entropic()).isCloseTo(plain.entropic(), within(1e-7 * plain.entropic()));
    }

    @Test
    void divergenceIsZeroOnEqualMeasuresAndPositiveOtherwise() {
        MeasurePair pair = BreadthReference.pair("ent5d");
        GroundCost cost = GroundCost.euclidean();
        assertThat(EntropicTransport.divergence(pair.x(), pair.x(), cost, 0.3).value()).isCloseTo(0, within(1e-9));
        Random r = new Random(5);
        for (int t = 0; t < 3; t++) {
            double[][] y = pair.y().points();
            for (double[] row : y) {
                row[0] += 0.05 * r.nextGaussian();
            }
            DiscreteMeasure nu = DiscreteMeasure.of(y, pair.y().weights());
            assertThat(EntropicTransport.divergence(pair.y(), nu, cost, 0.5).value()).isPositive();
        }
    }

    @Test
    void zeroWeightsAreAllowedAndGetNoMass() {
        double[][] x = {{0}, {1}, {2}};
        double[][] y = {{0.5}, {3}};
        DiscreteMeasure mu = DiscreteMeasure.of(x, new double[] {0.5, 0, 0.5});
        DiscreteMeasure nu = DiscreteMeasure.of(y, new double[] {0.6, 0.4});
        EntropicResult r = EntropicTransport.solve(mu, nu, GroundCost.euclidean(), 0.1);
        assertThat(r.plan().get(1, 0)).isZero();
        assertThat(r.marginalError()).isLessThanOrEqualTo(2e-9);
        assertThat(r.potentials().u(1)).isFinite();
    }

    @Test
    void anEpsilonTooSmallForTheBudgetIsAClearError() {
        MeasurePair pair = BreadthReference.pair("ent2d");
        assertThatThrownBy(() -> EntropicTransport.solve(pair.x(), pair.y(), GroundCost.squaredEuclidean(), 1e-5,
                EntropicTransport.Options.DEFAULT.withMaxIterations(200)))
                .isInstanceOf(TransportSolverException.class)
                .hasMessageContaining("did not reach the marginal error 1.0E-9")
                .satisfies(e -> assertThat(((TransportSolverException) e).status())
                        .isEqualTo(SolverStatus.ITERATION_LIMIT));
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        double[] a = {0.5, 0.5};
        CostMatrix c = CostMatrix.of(new double[][] {{0, 1}, {1, 0}});
        assertThatThrownBy(() -> EntropicTransport.solve(a, a, c, 0)).hasMessageContaining("epsilon must be");
        assertThatThrownBy(() -> EntropicTransport.solve(a, a, c, -1)).hasMessageContaining("epsilon must be");
        assertThatThrownBy(() -> EntropicTransport.solve(a, a, c, Double.NaN)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> EntropicTransport.solve(a, a, c, Double.POSITIVE_INFINITY))
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> EntropicTransport.solve(new double[] {0.5, Double.NaN}, a, c, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> EntropicTransport.solve(new double[] {0, 0}, new double[] {0, 0}, c, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntropicTransport.solve(a, new double[] {0.5, 0.7}, c, 1))
                .hasMessageContaining("same total mass");
        CostMatrix bad = new CostMatrix() {
            public int rows() {
                return 2;
            }

            public int cols() {
                return 2;
            }

            public double get(int i, int j) {
                return i == 1 && j == 0 ? Double.POSITIVE_INFINITY : 1;
            }
        };
        assertThatThrownBy(() -> EntropicTransport.solve(a, a, bad, 1)).hasMessageContaining("cost[1][0]");
        assertThatThrownBy(() -> new EntropicTransport.Options(0, 10, false)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new EntropicTransport.Options(1e-9, 0, false)).hasMessageContaining("maxIterations");
    }
}
