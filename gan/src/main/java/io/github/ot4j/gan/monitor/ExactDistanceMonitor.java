package io.github.ot4j.gan.monitor;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;

/**
 * Computes the exact Wasserstein-1 distance W<sub>1</sub>(P̂<sub>g</sub>, P̂<sub>r</sub>) under a ground cost
 * between a generated sample and held-out real data, both uniform empirical measures, with an ot-core
 * {@link ExactSolver}. This is the ground truth the critic's estimate is compared with: use the cost under which
 * the critic is 1-Lipschitz (Euclidean for clipping and gradient penalties, the WGAN-TS cost for WGAN-TS; see
 * {@code WganConfig.criticCost()}).
 *
 * <p>An empirical W<sub>1</sub> between two finite samples is biased upwards (it is positive even between two
 * samples of the same distribution); compare values computed with the same sample sizes.
 *
 * @param heldOut          the held-out real rows (never used for training)
 * @param generatedSamples how many generated points to compare with them, ≥ 1
 * @param cost             the ground cost
 * @param solver           the exact solver
 */
public record ExactDistanceMonitor(double[][] heldOut, int generatedSamples, GroundCost cost, ExactSolver solver) {

    /**
     * @param heldOut          the held-out real rows, copied
     * @param generatedSamples how many generated points to compare with them, ≥ 1
     * @param cost             the ground cost
     * @param solver           the exact solver
     */
    public ExactDistanceMonitor {
        if (heldOut == null || heldOut.length == 0) {
            throw new IllegalArgumentException("heldOut must hold at least one row");
        }
        DiscreteMeasure.uniform(heldOut);
        heldOut = copy(heldOut);
        if (generatedSamples < 1) {
            throw new IllegalArgumentException("generatedSamples must be at least 1 but is " + generatedSamples);
        }
        if (cost == null || solver == null) {
            throw new IllegalArgumentException("cost and solver must not be null");
        }
    }

    /**
     * Compares as many generated points as held-out ones under the Euclidean cost, with the default solver.
     *
     * @param heldOut the held-out real rows
     * @return the monitor
     */
    public static ExactDistanceMonitor of(double[][] heldOut) {
        return of(heldOut, GroundCost.euclidean());
    }

    /**
     * Compares as many generated points as held-out ones under a cost, with the default solver.
     *
     * @param heldOut the held-out real rows
     * @param cost    the ground cost
     * @return the monitor
     */
    public static ExactDistanceMonitor of(double[][] heldOut, GroundCost cost) {
        return new ExactDistanceMonitor(heldOut, heldOut.length, cost, ExactSolvers.defaultSolver());
    }

    /** @return a copy of the held-out rows */
    @Override
    public double[][] heldOut() {
        return copy(heldOut);
    }

    /** @return the dimension of the held-out rows */
    public int dimension() {
        return heldOut[0].length;
    }

    /**
     * The exact optimal transport cost between the generated points and the held-out real rows.
     *
     * @param generated generated rows of the held-out rows' dimension
     * @return W<sub>1</sub> in the units of the data
     */
    public double distance(double[][] generated) {
        DiscreteMeasure fake = DiscreteMeasure.uniform(generated);
        if (fake.dimension() != dimension()) {
            throw new IllegalArgumentException("generated has dimension " + fake.dimension()
                    + " but heldOut has dimension " + dimension());
        }
        return solver.solve(fake, DiscreteMeasure.uniform(heldOut), cost).value();
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
