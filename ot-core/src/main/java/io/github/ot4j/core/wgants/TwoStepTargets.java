package io.github.ot4j.core.wgants;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportResult;

/**
 * Computes WGAN-TS step-1 targets ({@link TwoStepTarget}) by solving the batch's optimal transport
 * problem exactly.
 *
 * <p>Sign convention. The transport problem from the real batch (weights a<sub>i</sub> = 1/m) to the
 * generated batch (weights b<sub>j</sub> = 1/n) has the dual
 * max Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> v<sub>j</sub> s.t. u<sub>i</sub> + v<sub>j</sub> ≤ c(y<sub>i</sub>, x<sub>j</sub>).
 * Setting <b>T<sub>i</sub> = u<sub>i</sub></b> and <b>T<sub>j</sub> = −v<sub>j</sub></b> turns it into the
 * WGAN-TS program (1/m) Σ T<sub>i</sub> − (1/n) Σ T<sub>j</sub>, T<sub>i</sub> − T<sub>j</sub> ≤ c<sub>ij</sub>;
 * then every target is shifted by s = (Σ T<sub>i</sub> + Σ T<sub>j</sub>) / (m + n). A critic regressed onto
 * these targets is large on real data and small on generated data.
 */
public final class TwoStepTargets {

    private TwoStepTargets() {
    }

    /**
     * The targets with the {@link ExactSolvers#defaultSolver() default solver}.
     *
     * @param real m real points y<sub>i</sub> (rows), m ≥ 1
     * @param fake n generated points x<sub>j</sub> (rows) of the same dimension, n ≥ 1
     * @param cost the ground cost c (WGAN-TS uses {@link GroundCost#cityblock()})
     * @return the centred targets and the exact distance
     */
    public static TwoStepTarget compute(double[][] real, double[][] fake, GroundCost cost) {
        return compute(real, fake, cost, ExactSolvers.defaultSolver());
    }

    /**
     * The targets with a given exact solver.
     *
     * @param real   m real points y<sub>i</sub> (rows), m ≥ 1
     * @param fake   n generated points x<sub>j</sub> (rows) of the same dimension, n ≥ 1
     * @param cost   the ground cost c
     * @param solver the exact solver
     * @return the centred targets and the exact distance
     */
    public static TwoStepTarget compute(double[][] real, double[][] fake, GroundCost cost, ExactSolver solver) {
        if (cost == null || solver == null) {
            throw new IllegalArgumentException("cost and solver must not be null");
        }
        DiscreteMeasure y = DiscreteMeasure.uniform(argument("real", real));
        DiscreteMeasure x = DiscreteMeasure.uniform(argument("fake", fake));
        if (y.dimension() != x.dimension()) {
            throw new IllegalArgumentException("real has dimension " + y.dimension() + " but fake has dimension "
                    + x.dimension());
        }
        TransportResult result = solver.solve(y, x, cost);
        Potentials p = result.potentials();
        int m = real.length;
        int n = fake.length;
        double[] tReal = p.u();
        double[] tFake = p.v();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += tReal[i];
        }
        for (int j = 0; j < n; j++) {
            tFake[j] = -tFake[j];
            sum += tFake[j];
        }
        double shift = sum / (m + n);
        for (int i = 0; i < m; i++) {
            tReal[i] -= shift;
        }
        for (int j = 0; j < n; j++) {
            tFake[j] -= shift;
        }
        return new TwoStepTarget(tReal, tFake, result.value());
    }

    private static double[][] argument(String name, double[][] points) {
        if (points == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return points;
    }
}
