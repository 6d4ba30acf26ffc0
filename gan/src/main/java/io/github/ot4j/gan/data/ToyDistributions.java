package io.github.ot4j.gan.data;

import java.util.SplittableRandom;

/**
 * The 2-D toy distributions of the WGAN-GP reference code ({@code gan_toy.py} of
 * igul222/improved_wgan_training), with its constants. Each is an infinite, reproducible {@link DataSource}:
 * {@code sample(n, seed)} draws n fresh points from a random generator seeded with {@code seed}.
 */
public final class ToyDistributions {

    /** The divisor of the 8-Gaussians set (the reference's "stdev"). */
    public static final double EIGHT_GAUSSIANS_SCALE = 1.414;
    /** The divisor of the 25-Gaussians set. */
    public static final double TWENTY_FIVE_GAUSSIANS_SCALE = 2.828;
    /** The divisor of the Swiss roll ("stdev plus a little"). */
    public static final double SWISS_ROLL_SCALE = 7.5;

    private ToyDistributions() {
    }

    /**
     * Eight Gaussians: a centre c drawn uniformly from the 8 compass directions at radius 2, plus
     * N(0, 0.02²·I) noise, the sum divided by {@value #EIGHT_GAUSSIANS_SCALE}.
     *
     * @return the distribution on R²
     */
    public static DataSource eightGaussians() {
        double r = 2.0;
        double diagonal = r / Math.sqrt(2.0);
        double[][] centres = {
            {r, 0}, {-r, 0}, {0, r}, {0, -r},
            {diagonal, diagonal}, {diagonal, -diagonal}, {-diagonal, diagonal}, {-diagonal, -diagonal},
        };
        return new Mixture("eightGaussians", centres, 0.02, EIGHT_GAUSSIANS_SCALE);
    }

    /**
     * Twenty-five Gaussians: a centre drawn uniformly from the grid {−4, −2, 0, 2, 4}², plus N(0, 0.05²·I)
     * noise, the sum divided by {@value #TWENTY_FIVE_GAUSSIANS_SCALE}. (The reference code shuffles a fixed set
     * of 100 000 such points, 4 000 per centre; drawing afresh has the same distribution.)
     *
     * @return the distribution on R²
     */
    public static DataSource twentyFiveGaussians() {
        double[][] centres = new double[25][];
        int k = 0;
        for (int x = -2; x <= 2; x++) {
            for (int y = -2; y <= 2; y++) {
                centres[k++] = new double[] {2.0 * x, 2.0 * y};
            }
        }
        return new Mixture("twentyFiveGaussians", centres, 0.05, TWENTY_FIVE_GAUSSIANS_SCALE);
    }

    /**
     * The Swiss roll of scikit-learn's {@code make_swiss_roll(noise=0.25)}, coordinates x and z:
     * t = 1.5π(1 + 2u), u ~ U(0, 1); (x, z) = (t cos t, t sin t) + N(0, 0.25²·I), divided by
     * {@value #SWISS_ROLL_SCALE}.
     *
     * @return the distribution on R²
     */
    public static DataSource swissRoll() {
        return new SwissRoll(0.25, SWISS_ROLL_SCALE);
    }

    /** A uniform mixture of isotropic Gaussians, scaled. */
    private record Mixture(String name, double[][] centres, double sigma, double scale) implements DataSource {

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[][] sample(int n, long seed) {
            DataChecks.positive("n", n);
            SplittableRandom random = new SplittableRandom(seed);
            double[][] points = new double[n][2];
            for (int i = 0; i < n; i++) {
                double[] c = centres[random.nextInt(centres.length)];
                points[i][0] = (c[0] + sigma * random.nextGaussian()) / scale;
                points[i][1] = (c[1] + sigma * random.nextGaussian()) / scale;
            }
            return points;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The noisy Swiss roll in the (x, z) plane, scaled. */
    private record SwissRoll(double noise, double scale) implements DataSource {

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[][] sample(int n, long seed) {
            DataChecks.positive("n", n);
            SplittableRandom random = new SplittableRandom(seed);
            double[][] points = new double[n][2];
            for (int i = 0; i < n; i++) {
                double t = 1.5 * Math.PI * (1.0 + 2.0 * random.nextDouble());
                points[i][0] = (t * Math.cos(t) + noise * random.nextGaussian()) / scale;
                points[i][1] = (t * Math.sin(t) + noise * random.nextGaussian()) / scale;
            }
            return points;
        }

        @Override
        public String toString() {
            return "swissRoll";
        }
    }
}
