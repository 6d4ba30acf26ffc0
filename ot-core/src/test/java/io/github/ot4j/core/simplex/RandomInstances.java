package io.github.ot4j.core.simplex;

import io.github.ot4j.core.Clouds;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportProblem;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random transport problems for the cross-checks: every built-in cost, zeros, duplicates and ties. Public
 * so that the tests of other packages can replay a seed.
 */
public final class RandomInstances {

    static final List<GroundCost> COSTS = List.of(GroundCost.euclidean(), GroundCost.cityblock(),
            GroundCost.squaredEuclidean(), GroundCost.minkowski(3));

    private RandomInstances() {
    }

    /**
     * The instance of a seed: n, m uniform in 1..maxSize, d in 1..16, points Gaussian, or on a small integer
     * grid (exact ties), with about a third of them copies of others (duplicates); weights uniform or random
     * with zeros.
     *
     * @param seed    the seed
     * @param maxSize the largest n and m
     * @return the problem
     */
    public static TransportProblem of(long seed, int maxSize) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(maxSize);
        int m = 1 + random.nextInt(maxSize);
        int d = 1 + random.nextInt(16);
        boolean grid = random.nextBoolean();
        double[][] x = points(random, n, d, grid, 0);
        double[][] y = points(random, m, d, grid, random.nextDouble());
        if (random.nextInt(4) == 0) {
            // shared points between the sides: zero-cost pairs
            for (int i = 0; i < Math.min(n, m); i += 2) {
                y[i] = x[i].clone();
            }
        }
        GroundCost cost = COSTS.get(random.nextInt(COSTS.size()));
        DiscreteMeasure mu = measure(random, x);
        DiscreteMeasure nu = measure(random, y);
        return TransportProblem.of(mu, nu, cost);
    }

    private static DiscreteMeasure measure(SplittableRandom random, double[][] points) {
        return switch (random.nextInt(3)) {
            case 0 -> DiscreteMeasure.uniform(points);
            case 1 -> DiscreteMeasure.of(points, Clouds.weights(random, points.length, false));
            default -> DiscreteMeasure.of(points, Clouds.weights(random, points.length, true));
        };
    }

    private static double[][] points(SplittableRandom random, int n, int d, boolean grid, double mean) {
        double[][] p = Clouds.gaussian(random, n, d, mean);
        if (grid) {
            for (double[] row : p) {
                for (int k = 0; k < d; k++) {
                    row[k] = Math.round(row[k] * 1.5);
                }
            }
        }
        for (int i = 1; i < n; i++) {
            if (random.nextInt(3) == 0) {
                p[i] = p[random.nextInt(i)].clone();
            }
        }
        return p;
    }
}
