package io.github.ot4j.core;

import java.util.Arrays;

import io.github.ot4j.core.internal.Checks;

/**
 * c-transforms of dual potentials, and the dual values they certify. For a cost matrix
 * C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>) between sources x<sub>i</sub> (weights a) and targets
 * y<sub>j</sub> (weights b):
 * <ul>
 *   <li>of a source potential u: u<sup>c</sup>(y<sub>j</sub>) = min<sub>i</sub> C<sub>ij</sub> − u<sub>i</sub>
 *       ({@link #ofU}), the largest v with u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> for all i, j;</li>
 *   <li>of a target potential v: v<sup>c</sup>(x<sub>i</sub>) = min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub>
 *       ({@link #ofV}), the largest u with the same constraints.</li>
 * </ul>
 * So (u, u<sup>c</sup>) and (v<sup>c</sup>, v) are feasible dual pairs for any finite u or v, and
 * Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> u<sup>c</sup><sub>j</sub> ≤ W<sub>c</sub>(a, b) (weak duality), with
 * equality when u is an optimal potential. This is how a critic's values on samples are read as an estimate of
 * W<sub>c</sub> without any constraint to enforce (Mallasto, Montúfar &amp; Gerolin 2019) and how a potential is
 * extended to points it was not computed on. In the WGAN sign convention (critic f large on the sources), u = f on
 * the sources and v = −f on the targets.
 *
 * <p>Cost: n·m cost evaluations per transform; a {@link PointCostMatrix} is read in blocks by its vectorised
 * kernel. Infinite or NaN potentials are rejected.
 */
public final class CTransform {

    private static final int BLOCK = 1 << 14;

    private CTransform() {
    }

    /**
     * u<sup>c</sup><sub>j</sub> = min<sub>i</sub> C<sub>ij</sub> − u<sub>i</sub>, in the cost's units.
     *
     * @param cost the n × m cost matrix
     * @param u    the source potential, length n, finite
     * @return the target potential u<sup>c</sup>, length m
     */
    public static double[] ofU(CostMatrix cost, double[] u) {
        check(cost, u, "u", true);
        int m = cost.cols();
        double[] v = new double[m];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        forRows(cost, (i, row) -> {
            double ui = u[i];
            for (int j = 0; j < m; j++) {
                v[j] = Math.min(v[j], row[j] - ui);
            }
        });
        return v;
    }

    /**
     * v<sup>c</sup><sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> − v<sub>j</sub>, in the cost's units.
     *
     * @param cost the n × m cost matrix
     * @param v    the target potential, length m, finite
     * @return the source potential v<sup>c</sup>, length n
     */
    public static double[] ofV(CostMatrix cost, double[] v) {
        check(cost, v, "v", false);
        double[] u = new double[cost.rows()];
        int m = cost.cols();
        forRows(cost, (i, row) -> {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                best = Math.min(best, row[j] - v[j]);
            }
            u[i] = best;
        });
        return u;
    }

    /**
     * The dual objective Σ a<sub>i</sub> u<sub>i</sub> / Σ a + Σ b<sub>j</sub> v<sub>j</sub> / Σ b over the
     * weights normalised to mass 1 (a lower bound on W<sub>c</sub> of the normalised measures when (u, v) is
     * feasible).
     *
     * @param mu the sources, n points
     * @param u  the source potential, length n
     * @param nu the targets, m points
     * @param v  the target potential, length m
     * @return the dual objective, in the cost's units
     */
    public static double dualValue(DiscreteMeasure mu, double[] u, DiscreteMeasure nu, double[] v) {
        return mean(mu, u, "u") + mean(nu, v, "v");
    }

    /**
     * The larger of the two doubly c-transformed dual values, max(D(u<sup>cc</sup>, u<sup>c</sup>),
     * D(v<sup>c</sup>, v<sup>cc</sup>)) with D the {@link #dualValue}: a lower bound on W<sub>c</sub>(μ, ν) (masses
     * normalised to 1) for any finite u and v, equal to it when either is an optimal potential. The second
     * transform can only raise the bound: u<sup>cc</sup><sub>i</sub> = min<sub>j</sub> C<sub>ij</sub> −
     * u<sup>c</sup><sub>j</sub> ≥ u<sub>i</sub> (take j attaining u<sup>c</sup><sub>j</sub> = C<sub>ij</sub> − u<sub>i</sub>'s
     * minimum), and (u<sup>cc</sup>, u<sup>c</sup>) is still feasible; a third changes nothing
     * (u<sup>ccc</sup> = u<sup>c</sup>). Four passes over C.
     *
     * @param mu   the sources x<sub>i</sub>, n points
     * @param u    a source potential, length n, finite
     * @param nu   the targets y<sub>j</sub>, m points of the same dimension
     * @param v    a target potential, length m, finite
     * @param cost the ground cost c(x, y)
     * @return the lower bound, in the cost's units
     */
    public static double lowerBound(DiscreteMeasure mu, double[] u, DiscreteMeasure nu, double[] v,
            GroundCost cost) {
        if (mu == null || nu == null || cost == null) {
            throw new IllegalArgumentException("mu, nu and cost must not be null");
        }
        CostMatrix c = CostMatrix.between(mu, nu, cost);
        double[] uc = ofU(c, u);
        double fromU = dualValue(mu, ofV(c, uc), nu, uc);
        double[] vc = ofV(c, v);
        double fromV = dualValue(mu, vc, nu, ofU(c, vc));
        return Math.max(fromU, fromV);
    }

    private interface RowVisitor {
        void row(int i, double[] costs);
    }

    /** Visits the rows of C in order, each in the same reused array of m costs. */
    private static void forRows(CostMatrix cost, RowVisitor visitor) {
        int n = cost.rows();
        int m = cost.cols();
        double[] row = new double[m];
        if (cost instanceof PointCostMatrix points) {
            int rows = Math.max(1, Math.min(n, BLOCK / Math.max(1, m)));
            double[] buffer = new double[rows * m];
            for (int i0 = 0; i0 < n; i0 += rows) {
                int i1 = Math.min(n, i0 + rows);
                points.block(i0, i1, 0, m, buffer);
                for (int i = i0; i < i1; i++) {
                    System.arraycopy(buffer, (i - i0) * m, row, 0, m);
                    visitor.row(i, row);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                row[j] = cost.get(i, j);
            }
            visitor.row(i, row);
        }
    }

    private static double mean(DiscreteMeasure mu, double[] f, String name) {
        if (mu == null) {
            throw new IllegalArgumentException("the measure of " + name + " must not be null");
        }
        Checks.finite(name, f);
        if (f.length != mu.size()) {
            throw new IllegalArgumentException(name + " must have " + mu.size() + " values but has " + f.length);
        }
        double total = mu.totalMass();
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += mu.weight(i) / total * f[i];
        }
        return s;
    }

    private static void check(CostMatrix cost, double[] f, String name, boolean rows) {
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        Checks.finite(name, f);
        int expected = rows ? cost.rows() : cost.cols();
        if (f.length != expected) {
            throw new IllegalArgumentException(name + " must have " + expected + " values (the cost matrix's "
                    + (rows ? "rows" : "columns") + ") but has " + f.length);
        }
    }
}
