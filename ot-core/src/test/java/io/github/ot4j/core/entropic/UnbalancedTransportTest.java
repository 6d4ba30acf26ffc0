package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import io.github.ot4j.core.breadth.BreadthReference;
import io.github.ot4j.core.io.MeasurePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UnbalancedTransportTest {

    /** Agreement with POT, relative. */
    private static final double POT_TOLERANCE = 1e-5;

    @ParameterizedTest
    @CsvSource({"0.1, 1.0", "0.05, 10.0"})
    void costAndMassMatchPot(String eps, String rho) {
        MeasurePair pair = BreadthReference.pair("unbalanced2d");
        UnbalancedResult r = UnbalancedTransport.solve(pair.x(), pair.y(), GroundCost.squaredEuclidean(),
                Double.parseDouble(eps), Double.parseDouble(rho));
        double cost = BreadthReference.value("unbalanced2d", "by", eps + "," + rho, "cost");
        double mass = BreadthReference.value("unbalanced2d", "by", eps + "," + rho, "mass");
        assertThat(r.cost()).isCloseTo(cost, within(POT_TOLERANCE * cost));
        assertThat(r.mass()).isCloseTo(mass, within(POT_TOLERANCE * mass));
        assertThat(r.plan().mass()).isCloseTo(r.mass(), within(1e-12));
        assertThat(r.change()).isLessThanOrEqualTo(1e-9);
        // the moved mass lies between the two input masses (1 and 1.6) for these penalties
        assertThat(r.mass()).isBetween(1.0, 1.6);
    }

    @Test
    void asThePenaltyGrowsTheCostTendsToTheBalancedEntropicOne() {
        MeasurePair pair = BreadthReference.pair("unbalanced2d");
        DiscreteMeasure nu = DiscreteMeasure.uniform(pair.y().points());
        double eps = 0.5;
        GroundCost cost = GroundCost.squaredEuclidean();
        double balanced = EntropicTransport.solve(pair.x(), nu, cost, eps).sinkhorn();
        double gap10 = Math.abs(UnbalancedTransport.solve(pair.x(), nu, cost, eps, 10).cost() - balanced);
        UnbalancedResult r100 = UnbalancedTransport.solve(pair.x(), nu, cost, eps, 100);
        double gap100 = Math.abs(r100.cost() - balanced);
        // the gap shrinks like 1/rho
        assertThat(gap100).isLessThan(0.25 * gap10).isLessThan(0.1 * balanced);
        assertThat(r100.mass()).isCloseTo(1, within(0.1));
    }

    @Test
    void theScalingAndLogDomainsAgreeAndTheLogDomainTakesOverWhenTheKernelUnderflows() {
        MeasurePair pair = BreadthReference.pair("unbalanced2d");
        double[] a = pair.x().weights();
        double[] b = pair.y().weights();
        double[] c = EntropicTransport.flatten(CostMatrix.between(pair.x(), pair.y(), GroundCost.squaredEuclidean()));
        UnbalancedTransport.Options o = UnbalancedTransport.Options.DEFAULT;
        UnbalancedResult scaling = UnbalancedTransport.scaling(a, b, c, 0.1, 1, o);
        UnbalancedResult log = UnbalancedTransport.logDomain(a, b, c, 0.1, 1, o);
        assertThat(scaling).isNotNull();
        assertThat(scaling.cost()).isCloseTo(log.cost(), within(1e-9 * log.cost()));
        assertThat(scaling.mass()).isCloseTo(log.mass(), within(1e-9 * log.mass()));
        // a point 10 away: exp(-100 / 0.01) underflows, so the scaling domain gives up
        double[] far = {0.01, 100};
        assertThat(UnbalancedTransport.scaling(new double[] {0.5, 0.5}, new double[] {1}, far, 0.01, 1, o)).isNull();
        UnbalancedResult r = UnbalancedTransport.solve(new double[] {0.5, 0.5}, new double[] {1},
                CostMatrix.of(new double[][] {{0.01}, {100}}), 0.01, 1, o);
        assertThat(r.mass()).isPositive().isFinite();
        assertThat(r.cost()).isFinite();
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        double[] a = {0.5, 0.5};
        double[] b = {1, 1};
        CostMatrix c = CostMatrix.of(new double[][] {{0, 1}, {1, 0}});
        UnbalancedTransport.Options o = UnbalancedTransport.Options.DEFAULT;
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, b, c, 1, 0, o)).hasMessageContaining("rho must be");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, b, c, 1, -2, o)).hasMessageContaining("rho must be");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, b, c, 1, Double.NaN, o)).hasMessageContaining("rho");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, b, c, 0, 1, o)).hasMessageContaining("epsilon must be");
        assertThatThrownBy(() -> UnbalancedTransport.solve(new double[] {0, 0}, b, c, 1, 1, o))
                .hasMessageContaining("positive mass");
        assertThatThrownBy(() -> UnbalancedTransport.solve(new double[] {0.5, Double.NaN}, b, c, 1, 1, o))
                .hasMessageContaining("a");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, new double[] {1, -1}, c, 1, 1, o))
                .hasMessageContaining("b[1]");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, new double[] {1}, c, 1, 1, o))
                .hasMessageContaining("cost is 2 x 2");
        assertThatThrownBy(() -> UnbalancedTransport.solve(a, b, c, 1e-4, 1, new UnbalancedTransport.Options(1e-12, 3)))
                .isInstanceOf(TransportSolverException.class).hasMessageContaining("did not settle")
                .satisfies(e -> assertThat(((TransportSolverException) e).status())
                        .isEqualTo(SolverStatus.ITERATION_LIMIT));
    }
}
