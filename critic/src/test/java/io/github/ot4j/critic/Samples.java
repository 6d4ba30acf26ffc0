package io.github.ot4j.critic;

import java.util.SplittableRandom;

/** Seeded sample sets for the tests. */
public final class Samples {

    private Samples() {
    }

    /**
     * n points of an isotropic Gaussian.
     *
     * @param n    the number of points
     * @param mean the mean, length d
     * @param sd   the standard deviation of each coordinate
     * @param seed the seed
     * @return n × d points
     */
    public static double[][] gaussian(int n, double[] mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][mean.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < mean.length; k++) {
                x[i][k] = mean[k] + sd * random.nextGaussian();
            }
        }
        return x;
    }

    /**
     * n points of a planar mixture of {@code modes} Gaussians (standard deviation {@code sd}) centred on a
     * circle of radius {@code radius} around {@code centre}, equally likely.
     *
     * @param n      the number of points
     * @param modes  the number of mixture components
     * @param radius the circle's radius
     * @param centre the circle's centre, length 2
     * @param sd     the components' standard deviation
     * @param seed   the seed
     * @return n × 2 points
     */
    public static double[][] ring(int n, int modes, double radius, double[] centre, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * random.nextInt(modes) / modes;
            x[i][0] = centre[0] + radius * Math.cos(angle) + sd * random.nextGaussian();
            x[i][1] = centre[1] + radius * Math.sin(angle) + sd * random.nextGaussian();
        }
        return x;
    }
}
