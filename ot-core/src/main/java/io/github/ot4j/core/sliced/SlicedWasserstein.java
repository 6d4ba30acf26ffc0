package io.github.ot4j.core.sliced;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.oned.Wasserstein1d;

import java.util.SplittableRandom;

/**
 * The sliced Wasserstein distance SW<sub>p</sub>(μ, ν) = (E<sub>θ</sub> W<sub>p</sub><sup>p</sup>(θ#μ,
 * θ#ν))<sup>1/p</sup>, θ uniform on the unit sphere of R<sup>d</sup> and θ# the projection x ↦ ⟨θ, x⟩, estimated
 * by Monte Carlo over K directions drawn from a seed (normalised Gaussian vectors), each 1-D distance exact by
 * {@link Wasserstein1d}: POT's {@code sliced_wasserstein_distance}. Time O(K·(n log n + m log m + (n + m)·d)),
 * memory O(n + m): no n × m cost matrix. SW<sub>p</sub> ≤ W<sub>p</sub> for the Euclidean ground distance (each
 * projection is 1-Lipschitz); in 1-D it equals W<sub>p</sub>.
 *
 * <p>The same seed gives the same directions and the same value. Bad input (masses that differ, p &lt; 1,
 * K &lt; 1, dimensions that differ) throws an {@link IllegalArgumentException} naming the argument. Stateless and
 * thread-safe.
 */
public final class SlicedWasserstein {

    /** A default number of directions, 1000 (Monte Carlo error of a few tenths of a percent, often). */
    public static final int DEFAULT_PROJECTIONS = 1000;

    private SlicedWasserstein() {
    }

    /**
     * SW<sub>p</sub> estimated with K directions.
     *
     * @param mu          the source measure
     * @param nu          the target measure, of the same dimension and total mass
     * @param p           the order, 1 ≤ p &lt; ∞
     * @param projections the number of directions K ≥ 1
     * @param seed        the seed of the directions
     * @return the estimate and its standard error
     * @throws IllegalArgumentException for bad input
     */
    public static SlicedResult distance(DiscreteMeasure mu, DiscreteMeasure nu, double p, int projections,
            long seed) {
        if (mu == null || nu == null) {
            throw new IllegalArgumentException("mu and nu must not be null");
        }
        if (mu.dimension() != nu.dimension()) {
            throw new IllegalArgumentException("nu has dimension " + nu.dimension() + " but mu has dimension "
                    + mu.dimension());
        }
        Wasserstein1d.checkOrder(p);
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be >= 1 but is " + projections);
        }
        int d = mu.dimension();
        double[][] x = mu.points();
        double[][] y = nu.points();
        double[] a = mu.weights();
        double[] b = nu.weights();
        double[] px = new double[x.length];
        double[] py = new double[y.length];
        double[] theta = new double[d];
        SplittableRandom random = new SplittableRandom(seed);
        double mean = 0;
        double m2 = 0;
        for (int k = 0; k < projections; k++) {
            direction(random, theta);
            project(x, theta, px);
            project(y, theta, py);
            double w = Wasserstein1d.powered(px, a, py, b, p);
            double delta = w - mean;
            mean += delta / (k + 1);
            m2 += delta * (w - mean);
        }
        double value = p == 1 ? mean : Math.pow(mean, 1 / p);
        double seMean = projections > 1 ? Math.sqrt(m2 / (projections - 1) / projections) : 0;
        double se = mean > 0 ? seMean * value / (p * mean) : seMean;
        return new SlicedResult(value, se, p, projections, seed);
    }

    /** A uniform direction on the unit sphere: a standard Gaussian vector, normalised (redrawn if ~0). */
    private static void direction(SplittableRandom random, double[] theta) {
        double norm;
        do {
            double s = 0;
            for (int k = 0; k < theta.length; k++) {
                theta[k] = random.nextGaussian();
                s += theta[k] * theta[k];
            }
            norm = Math.sqrt(s);
        } while (norm < 1e-12);
        for (int k = 0; k < theta.length; k++) {
            theta[k] /= norm;
        }
    }

    private static void project(double[][] points, double[] theta, double[] out) {
        for (int i = 0; i < points.length; i++) {
            double[] row = points[i];
            double s = 0;
            for (int k = 0; k < theta.length; k++) {
                s += row[k] * theta[k];
            }
            out[i] = s;
        }
    }
}
