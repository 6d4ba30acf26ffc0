package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stabilised scaling iteration against the plain log-domain one, and its determinism across threads. */
class ScalingSinkhornTest {

    /** Two implementations of the same iteration: they differ by rounding only. */
    private static final double SAME_ITERATION = 1e-11;

    @ParameterizedTest
    @CsvSource({"2.0, false, 1", "0.2, false, 1", "0.008, false, 2", "0.01, true, 5"})
    void givesTheLogDomainIterationsAnswerAndAbsorbsForSmallEpsilon(double eps, boolean scaling, int minRebuilds) {
        DiscreteMeasure mu = cloud(90, 0, 1, 7);
        DiscreteMeasure nu = cloud(70, 1, 0.7, 8);
        double[] a = mu.weights();
        double[] b = nu.weights();
        double[] c = EntropicTransport.flatten(CostMatrix.between(mu, nu, GroundCost.squaredEuclidean()));
        EntropicTransport.Options options = EntropicTransport.Options.DEFAULT.withEpsilonScaling(scaling);
        EntropicResult log = EntropicTransport.logDomain(a, b, c, eps, options);
        ScalingSinkhorn solver = ScalingSinkhorn.of(a, b, c, false);
        EntropicResult fast = solver.run(eps, options);
        assertThat(solver.rebuilds()).isGreaterThanOrEqualTo(minRebuilds);
        assertThat(fast.iterations()).isBetween(log.iterations() - 1, log.iterations() + 1);
        assertThat(fast.sinkhorn()).isCloseTo(log.sinkhorn(), within(SAME_ITERATION * log.sinkhorn()));
        assertThat(fast.entropic()).isCloseTo(log.entropic(), within(SAME_ITERATION * log.entropic()));
        assertThat(fast.marginalError()).isLessThanOrEqualTo(2e-9);
        for (int i = 0; i < a.length; i += 17) {
            assertThat(fast.potentials().u(i)).isCloseTo(log.potentials().u(i), within(1e-8));
        }
        for (int j = 0; j < b.length; j += 13) {
            assertThat(fast.plan().get(3, j)).isCloseTo(log.plan().get(3, j), within(1e-12));
        }
    }

    @Test
    void oneThreadAndSeveralGiveBitIdenticalResults() {
        DiscreteMeasure mu = cloud(640, 0, 1, 3);
        DiscreteMeasure nu = cloud(520, 1, 0.7, 4);
        double[] c = EntropicTransport.flatten(CostMatrix.between(mu, nu, GroundCost.squaredEuclidean()));
        assertThat(RowBlocks.of(640, 520, true).count()).isGreaterThan(1);
        for (double eps : new double[] {0.5, 0.05}) {
            EntropicResult one = ScalingSinkhorn.solve(mu.weights(), nu.weights(), c, eps,
                    EntropicTransport.Options.DEFAULT, false);
            EntropicResult many = ScalingSinkhorn.solve(mu.weights(), nu.weights(), c, eps,
                    EntropicTransport.Options.DEFAULT, true);
            assertThat(many.sinkhorn()).isEqualTo(one.sinkhorn());
            assertThat(many.entropic()).isEqualTo(one.entropic());
            assertThat(many.marginalError()).isEqualTo(one.marginalError());
            assertThat(many.iterations()).isEqualTo(one.iterations());
            assertThat(many.potentials().u()).containsExactly(one.potentials().u());
            assertThat(many.potentials().v()).containsExactly(one.potentials().v());
        }
    }

    @Test
    void unbalancedScalingIsBitIdenticalOnOneThreadAndSeveral() {
        DiscreteMeasure mu = cloud(640, 0, 1, 5);
        DiscreteMeasure nu = cloud(520, 1, 0.7, 6);
        double[] c = EntropicTransport.flatten(CostMatrix.between(mu, nu, GroundCost.squaredEuclidean()));
        UnbalancedTransport.Options options = new UnbalancedTransport.Options(1e-9, 10_000);
        UnbalancedResult one = UnbalancedTransport.scaling(mu.weights(), nu.weights(), c, 0.3, 1, options, false);
        UnbalancedResult many = UnbalancedTransport.scaling(mu.weights(), nu.weights(), c, 0.3, 1, options, true);
        assertThat(one).isNotNull();
        assertThat(many.cost()).isEqualTo(one.cost());
        assertThat(many.mass()).isEqualTo(one.mass());
        assertThat(many.iterations()).isEqualTo(one.iterations());
        assertThat(many.plan().toArray()[7]).containsExactly(one.plan().toArray()[7]);
    }

    /** n points N(shift, scale² I) in 2-D with random positive weights. */
    private static DiscreteMeasure cloud(int n, double shift, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = shift + scale * r.nextGaussian();
            x[i][1] = scale * r.nextGaussian();
            w[i] = 0.5 + r.nextDouble();
        }
        double total = 0;
        for (double v : w) {
            total += v;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return DiscreteMeasure.of(x, w);
    }
}
