package io.github.ot4j.core;

import io.github.ot4j.core.internal.Checks;

/**
 * Dual (Kantorovich) potentials: u on the sources, v on the targets, feasible when
 * u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> for all i, j. At an optimum,
 * Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> v<sub>j</sub> equals the optimal transport cost, and
 * u<sub>i</sub> + v<sub>j</sub> = C<sub>ij</sub> wherever the plan moves mass. Potentials are unique at
 * most up to u + t, v − t.
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * @param u the source potentials, length n
 * @param v the target potentials, length m
 */
public record Potentials(double[] u, double[] v) {

    /**
     * Checks and copies the potentials.
     *
     * @param u the source potentials, finite
     * @param v the target potentials, finite
     */
    public Potentials {
        u = Checks.finite("u", u).clone();
        v = Checks.finite("v", v).clone();
    }

    /** @return a copy of u */
    @Override
    public double[] u() {
        return u.clone();
    }

    /** @return a copy of v */
    @Override
    public double[] v() {
        return v.clone();
    }

    /**
     * @param i a source index
     * @return u<sub>i</sub>
     */
    public double u(int i) {
        return u[i];
    }

    /**
     * @param j a target index
     * @return v<sub>j</sub>
     */
    public double v(int j) {
        return v[j];
    }

    /**
     * The dual objective Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> v<sub>j</sub> for a problem's weights.
     *
     * @param problem the problem supplying a and b
     * @return the dual objective value
     */
    public double objective(TransportProblem problem) {
        checkShape(problem);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += problem.a(i) * u[i];
        }
        for (int j = 0; j < v.length; j++) {
            s += problem.b(j) * v[j];
        }
        return s;
    }

    void checkShape(TransportProblem problem) {
        if (u.length != problem.n() || v.length != problem.m()) {
            throw new IllegalArgumentException("potentials have lengths " + u.length + " and " + v.length
                    + " but the problem is " + problem.n() + " x " + problem.m());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Potentials p && java.util.Arrays.equals(u, p.u) && java.util.Arrays.equals(v, p.v);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(u) + java.util.Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "Potentials[n=" + u.length + ", m=" + v.length + "]";
    }
}
