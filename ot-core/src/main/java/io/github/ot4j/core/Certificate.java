package io.github.ot4j.core;

/**
 * A proof of optimality computed from an answer itself, so that any user can check any solver.
 * By weak duality every feasible plan P and feasible potentials (u, v) satisfy
 * Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> v<sub>j</sub> ≤ Σ C<sub>ij</sub> P<sub>ij</sub>; equality
 * proves both optimal. The certificate reports how far an answer is from that:
 *
 * @param primalCost       Σ<sub>ij</sub> C<sub>ij</sub> P<sub>ij</sub>, the plan's cost
 * @param dualObjective    Σ<sub>i</sub> a<sub>i</sub> u<sub>i</sub> + Σ<sub>j</sub> b<sub>j</sub> v<sub>j</sub>
 * @param dualityGap       primalCost − dualObjective (0 at an optimum, up to rounding)
 * @param maxDualViolation max(0, max<sub>ij</sub> (u<sub>i</sub> + v<sub>j</sub> − C<sub>ij</sub>)), in cost units
 * @param maxMarginalError the largest |Σ<sub>j</sub> P<sub>ij</sub> − a<sub>i</sub>| or
 *                         |Σ<sub>i</sub> P<sub>ij</sub> − b<sub>j</sub>|, in mass units
 * @param costScale        max<sub>ij</sub> |C<sub>ij</sub>|, the scale the cost tolerances are relative to
 * @param mass             Σ a<sub>i</sub>, the scale the marginal tolerance is relative to
 */
public record Certificate(double primalCost, double dualObjective, double dualityGap, double maxDualViolation,
                          double maxMarginalError, double costScale, double mass) {

    /** The relative tolerance of {@link #holds()}: 1e-9. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * Computes the certificate of a plan and potentials for a problem. Reads every C<sub>ij</sub> once:
     * O(n·m) time, O(n + m) memory.
     *
     * @param problem    the problem
     * @param plan       a plan of the problem's shape
     * @param potentials potentials of the problem's shape
     * @return the certificate
     */
    public static Certificate of(TransportProblem problem, TransportPlan plan, Potentials potentials) {
        if (problem == null || plan == null || potentials == null) {
            throw new IllegalArgumentException("problem, plan and potentials must not be null but "
                    + (problem == null ? "problem" : plan == null ? "plan" : "potentials") + " is null");
        }
        if (plan.n() != problem.n() || plan.m() != problem.m()) {
            throw new IllegalArgumentException("plan is " + plan.n() + " x " + plan.m() + " but the problem is "
                    + problem.n() + " x " + problem.m());
        }
        potentials.checkShape(problem);
        CostMatrix c = problem.cost();
        double primal = plan.cost(c);
        double dual = potentials.objective(problem);
        double violation = 0;
        double scale = 0;
        for (int i = 0; i < problem.n(); i++) {
            double ui = potentials.u(i);
            for (int j = 0; j < problem.m(); j++) {
                double cij = c.get(i, j);
                scale = Math.max(scale, Math.abs(cij));
                violation = Math.max(violation, ui + potentials.v(j) - cij);
            }
        }
        double marginal = 0;
        double[] rows = plan.rowSums();
        for (int i = 0; i < rows.length; i++) {
            marginal = Math.max(marginal, Math.abs(rows[i] - problem.a(i)));
        }
        double[] cols = plan.colSums();
        for (int j = 0; j < cols.length; j++) {
            marginal = Math.max(marginal, Math.abs(cols[j] - problem.b(j)));
        }
        return new Certificate(primal, dual, primal - dual, violation, marginal, scale, problem.mass());
    }

    /**
     * Whether the certificate proves optimality to the relative tolerance {@code tolerance}:
     * |gap| ≤ tol·c·mass, violation ≤ tol·c, marginal error ≤ tol·mass, where c = costScale, or 1 when every
     * cost is 0; relative to the costs' own scale, so that costs of order 10<sup>−6</sup> are checked as
     * strictly as costs of order 1.
     *
     * @param tolerance the relative tolerance, e.g. {@link #DEFAULT_TOLERANCE}
     * @return whether every figure is within tolerance
     */
    public boolean holds(double tolerance) {
        double c = costScale > 0 ? costScale : 1;
        return Math.abs(dualityGap) <= tolerance * c * mass
                && maxDualViolation <= tolerance * c
                && maxMarginalError <= tolerance * mass;
    }

    /** @return {@link #holds(double)} at {@link #DEFAULT_TOLERANCE} */
    public boolean holds() {
        return holds(DEFAULT_TOLERANCE);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Certificate[primal=%.12g, dual=%.12g, gap=%.3e, maxDualViolation=%.3e, maxMarginalError=%.3e]",
                primalCost, dualObjective, dualityGap, maxDualViolation, maxMarginalError);
    }
}
