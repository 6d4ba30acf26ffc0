package io.github.ot4j.examples.critic;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.estimate.CriticMethod;
import io.github.ot4j.critic.estimate.WassersteinEstimate;
import io.github.ot4j.critic.estimate.WassersteinEstimator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * Estimates the Wasserstein-1 distance between two planar point clouds (256 points each: a 4-mode ring and a
 * 3-mode ring further away) with a critic trained under each Lipschitz enforcer and with WGAN-TS, and prints
 * every estimate next to the exact value from ot-core.
 *
 * <p>Read the columns so: {@code estimate} is E<sub>P</sub>f − E<sub>Q</sub>f of the trained critic;
 * {@code est/L} divides it by the critic's certified Lipschitz bound, which by Kantorovich–Rubinstein duality
 * can never exceed the exact value; {@code slope} is the steepest slope seen between the two clouds.
 *
 * <p>Runs from an IDE as is: it sets nd4j to one thread in code ({@link Nd4jThreads#single()}); ~1 minute.
 */
public final class EstimateWassersteinExample {

    private EstimateWassersteinExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the number of critic iterations (default 600)
     */
    public static void main(String[] args) {
        Nd4jThreads.single();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        double[][] p = ring(256, 4, 0.0, 0.0, new SplittableRandom(1));
        double[][] q = ring(256, 3, 5.0, 2.0, new SplittableRandom(2));
        GroundCost cost = GroundCost.euclidean();
        double exact = OptimalTransport.distance(DiscreteMeasure.uniform(p), DiscreteMeasure.uniform(q), cost);

        List<CriticMethod> methods = List.of(
                CriticMethod.twoStep(new Adam(1e-2, 0.5, 0.999, 1e-8), 5),
                CriticMethod.enforced(GradientPenalty.wganGp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(OneSidedGradientPenalty.wganLp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(SpectralNormalization.miyato(7), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightScaling.under(cost), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightClipping.wgan(), new RmsProp(5e-4)));

        System.out.printf(Locale.ROOT, "W1 between two 2-D clouds of 256 points, Euclidean cost: exact %.5f%n", exact);
        System.out.printf(Locale.ROOT, "%-42s %10s %9s %10s %9s %9s%n", "method (" + iterations + " iterations)",
                "estimate", "error", "est/L", "slope", "L");
        for (CriticMethod method : methods) {
            WassersteinEstimate e = WassersteinEstimator.of(method).withIterations(iterations).withBatchSize(256)
                    .estimate(p, q, cost, 42, exact);
            System.out.printf(Locale.ROOT, "%-42s %10.5f %+8.2f%% %10.5f %9.4f %9.4f%n", e.method(), e.estimate(),
                    100 * e.relativeError(), e.normalizedEstimate(), e.bounds().empiricalLower(),
                    e.bounds().certifiedUpper());
        }
    }

    private static double[][] ring(int n, int modes, double cx, double cy, SplittableRandom random) {
        double[][] x = new double[n][2];
        for (double[] row : x) {
            double angle = 2 * Math.PI * random.nextInt(modes) / modes;
            row[0] = cx + Math.cos(angle) + 0.2 * gaussian(random);
            row[1] = cy + Math.sin(angle) + 0.2 * gaussian(random);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
