package io.github.ot4j.core;

/**
 * A discrete optimal transport problem, checked once: weights a (length n), b (length m) of equal total
 * mass and an n × m cost matrix C. Its primal linear program is
 * <pre>
 *   minimise   Σ_ij C_ij P_ij
 *   subject to Σ_j P_ij = a_i,  Σ_i P_ij = b_j,  P ≥ 0
 * </pre>
 * and its dual (Kantorovich) program
 * <pre>
 *   maximise   Σ_i a_i u_i + Σ_j b_j v_j
 *   subject to u_i + v_j ≤ C_ij.
 * </pre>
 * Both have the same optimal value, the optimal transport cost.
 *
 * <p>Immutable; the weight arrays are copied.
 */
public final class TransportProblem {

    /**
     * The largest relative difference allowed between the total masses:
     * |Σa − Σb| ≤ MASS_TOLERANCE · max(Σa, Σb).
     */
    public static final double MASS_TOLERANCE = 1e-9;

    private final double[] a;
    private final double[] b;
    private final CostMatrix cost;

    private TransportProblem(double[] a, double[] b, CostMatrix cost) {
        this.a = a;
        this.b = b;
        this.cost = cost;
    }

    /**
     * The problem between two weighted point clouds under a ground cost; the costs are computed on
     * demand from the points.
     *
     * @param mu   the source measure Σ a<sub>i</sub> δ(x<sub>i</sub>)
     * @param nu   the target measure Σ b<sub>j</sub> δ(y<sub>j</sub>), same dimension and total mass
     * @param cost the ground cost c, C<sub>ij</sub> = c(x<sub>i</sub>, y<sub>j</sub>)
     * @return the problem
     */
    public static TransportProblem of(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        if (mu == null || nu == null) {
            throw new IllegalArgumentException("mu and nu must not be null");
        }
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        return of(mu.weights(), nu.weights(), CostMatrix.between(mu, nu, cost));
    }

    /**
     * The problem with explicit weights and cost matrix.
     *
     * @param a    source weights, n ≥ 1 finite values ≥ 0 with a positive sum
     * @param b    target weights, m ≥ 1 finite values ≥ 0, same total as a within {@link #MASS_TOLERANCE}
     * @param cost the n × m cost matrix
     * @return the problem
     */
    public static TransportProblem of(double[] a, double[] b, CostMatrix cost) {
        Weights.check("a", a);
        Weights.check("b", b);
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        if (cost.rows() != a.length || cost.cols() != b.length) {
            throw new IllegalArgumentException("cost is " + cost.rows() + " x " + cost.cols() + " but a has length "
                    + a.length + " and b has length " + b.length);
        }
        double sa = Weights.sum(a);
        double sb = Weights.sum(b);
        if (Math.abs(sa - sb) > MASS_TOLERANCE * Math.max(sa, sb)) {
            throw new IllegalArgumentException("a and b must have the same total mass (relative tolerance "
                    + MASS_TOLERANCE + ") but a sums to " + sa + " and b sums to " + sb);
        }
        return new TransportProblem(a.clone(), b.clone(), cost);
    }

    /** @return the number of sources n */
    public int n() {
        return a.length;
    }

    /** @return the number of targets m */
    public int m() {
        return b.length;
    }

    /** @return a copy of the source weights a */
    public double[] a() {
        return a.clone();
    }

    /** @return a copy of the target weights b */
    public double[] b() {
        return b.clone();
    }

    /**
     * @param i a source index
     * @return a<sub>i</sub>
     */
    public double a(int i) {
        return a[i];
    }

    /**
     * @param j a target index
     * @return b<sub>j</sub>
     */
    public double b(int j) {
        return b[j];
    }

    /** @return the cost matrix C */
    public CostMatrix cost() {
        return cost;
    }

    /** @return the total mass Σ a<sub>i</sub> */
    public double mass() {
        return Weights.sum(a);
    }

    @Override
    public String toString() {
        return "TransportProblem[n=" + n() + ", m=" + m() + ", mass=" + mass() + "]";
    }
}
