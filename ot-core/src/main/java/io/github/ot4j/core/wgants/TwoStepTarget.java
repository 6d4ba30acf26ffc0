package io.github.ot4j.core.wgants;

/**
 * The WGAN-TS step-1 targets of one batch (Liu, Gu, Samaras, ICML 2018, Algorithm 1 lines 8–9, eq. 7):
 * values T<sub>i</sub> for the m real points and T<sub>j</sub> for the n generated points that solve
 * <pre>
 *   maximise   (1/m) Σ_i T_i − (1/n) Σ_j T_j
 *   subject to T_i − T_j ≤ c(y_i, x_j)   for all i, j,
 * </pre>
 * shifted so that the mean of all m + n targets is zero. The shift changes neither the constraints nor
 * the objective, whose optimum is the exact transport cost between the two uniform batches.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param real     T<sub>i</sub> for the real points y<sub>i</sub>, length m (the critic's regression targets)
 * @param fake     T<sub>j</sub> for the generated points x<sub>j</sub>, length n
 * @param distance the optimal value (1/m) Σ T<sub>i</sub> − (1/n) Σ T<sub>j</sub>, the exact W between the
 *                 batches under the cost, in cost units
 */
public record TwoStepTarget(double[] real, double[] fake, double distance) {

    /**
     * Copies the targets.
     *
     * @param real     targets of the real points
     * @param fake     targets of the generated points
     * @param distance the exact distance between the batches
     */
    public TwoStepTarget {
        if (real == null || fake == null) {
            throw new IllegalArgumentException("real and fake must not be null but " + (real == null ? "real" : "fake")
                    + " is null");
        }
        real = real.clone();
        fake = fake.clone();
    }

    /** @return a copy of the real points' targets T<sub>i</sub> */
    @Override
    public double[] real() {
        return real.clone();
    }

    /** @return a copy of the generated points' targets T<sub>j</sub> */
    @Override
    public double[] fake() {
        return fake.clone();
    }

    /**
     * The objective (1/m) Σ T<sub>i</sub> − (1/n) Σ T<sub>j</sub> evaluated on these targets; equals
     * {@link #distance()} up to rounding.
     *
     * @return the dual objective of the targets
     */
    public double objective() {
        double s = 0;
        for (double t : real) {
            s += t / real.length;
        }
        for (double t : fake) {
            s -= t / fake.length;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoStepTarget t && java.util.Arrays.equals(real, t.real)
                && java.util.Arrays.equals(fake, t.fake) && Double.compare(distance, t.distance) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(real) + java.util.Arrays.hashCode(fake)) + Double.hashCode(distance);
    }

    @Override
    public String toString() {
        return "TwoStepTarget[m=" + real.length + ", n=" + fake.length + ", distance=" + distance + "]";
    }
}
