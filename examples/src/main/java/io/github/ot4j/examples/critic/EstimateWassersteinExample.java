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
import io.github.ot4j.critic.estimate.WassersteinEstimate;
import io.github.ot4j.critic.estimate.WassersteinEstimator;
import io.github.ot4j.critic.train.CriticMethod;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * Estimates the Wasserstein-1 distance between two point clouds with a critic trained under each Lipschitz
 * enforcer and with WGAN-TS, and prints every estimate next to the exact value from ot-core, for two pairs of
 * 256-point sets: a planar mixture (a 4-mode ring against a 3-mode ring further away) and two 8-D Gaussians.
 *
 * <p>Read the columns so: {@code estimate} is E<sub>P</sub>f − E<sub>Q</sub>f of the trained critic (float32,
 * 64 → 64 LeakyReLU, full batches); {@code est/L} divides it by the critic's certified Lipschitz bound, which by
 * Kantorovich–Rubinstein duality can never exceed the exact value; {@code slope} is the steepest slope seen
 * between the two clouds, {@code L} the certified bound.
 *
 * <p>Runs from an IDE as is: the library sets nd4j to one thread itself (see docs/critic.md); a few minutes on
 * two cores.
 */
public final class EstimateWassersteinExample {

    private EstimateWassersteinExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optional: the number of critic iterations of the enforcers (default 600; WGAN-TS runs a third,
     *             each with 25 regression steps)
     */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        double[] shift = {5, 0, 0, -5, 0, 0, 0, 0};
        report("2-D mixture: 4-mode ring vs 3-mode ring, 256 points each",
                ring(256, 4, 0.0, 0.0, new SplittableRandom(1)), ring(256, 3, 5.0, 2.0, new SplittableRandom(2)),
                iterations);
        report("8-D Gaussians: N(0, I) vs N((5,0,0,-5,0,0,0,0), I), 256 points each",
                gaussian(256, new double[8], new SplittableRandom(3)), gaussian(256, shift, new SplittableRandom(4)),
                iterations);
    }

    private static void report(String title, double[][] p, double[][] q, int iterations) {
        GroundCost cost = GroundCost.euclidean();
        double exact = OptimalTransport.distance(DiscreteMeasure.uniform(p), DiscreteMeasure.uniform(q), cost);
        List<CriticMethod> methods = List.of(
                CriticMethod.twoStep(cost, new Adam(1e-2, 0.5, 0.999, 1e-8), 25),
                CriticMethod.enforced(GradientPenalty.wganGp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(OneSidedGradientPenalty.wganLp(), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(SpectralNormalization.miyato(7), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightScaling.under(cost), new Adam(1e-3, 0.5, 0.9, 1e-8)),
                CriticMethod.enforced(WeightClipping.wgan(), new RmsProp(5e-4)));
        System.out.printf(Locale.ROOT, "%n%s, Euclidean cost: exact W1 = %.5f%n", title, exact);
        System.out.printf(Locale.ROOT, "| %-44s | %5s | %9s | %8s | %9s | %7s | %8s |%n", "method", "iters",
                "estimate", "error", "est/L", "slope", "L");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (CriticMethod method : methods) {
            int its = method.name().startsWith("WGAN-TS") ? Math.max(1, iterations / 3) : iterations;
            WassersteinEstimate e = WassersteinEstimator.of(method).withIterations(its).withBatchSize(256)
                    .estimate(p, q, cost, 42, exact);
            System.out.printf(Locale.ROOT, "| %-44s | %5d | %9.5f | %+7.2f%% | %9.5f | %7.4f | %8.4f |%n",
                    e.method(), its, e.estimate(), 100 * e.relativeError(), e.normalizedEstimate(),
                    e.bounds().empiricalLower(), e.bounds().certifiedUpper());
        }
    }

    private static double[][] gaussian(int n, double[] mean, SplittableRandom random) {
        double[][] x = new double[n][mean.length];
        for (double[] row : x) {
            for (int k = 0; k < mean.length; k++) {
                row[k] = mean[k] + gaussian(random);
            }
        }
        return x;
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
