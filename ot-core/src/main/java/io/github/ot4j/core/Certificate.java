package io.github.ot4j.core;

import io.github.ot4j.core.internal.CompensatedDot;

/**
 * A proof of optimality computed from an answer itself, so that any user can check any solver: a rigorous bound
 * on |value − optimum|, where value = Σ C<sub>ij</sub> P<sub>ij</sub> is the plan's cost and the optimum is that
 * of the problem as given (weights a, b and costs C as doubles, arithmetic exact).
 *
 * <p><b>Lower bound.</b> The potentials are first repaired to exact feasibility: v'<sub>j</sub> = min(v<sub>j</sub>,
 * min<sub>i</sub> ↓(C<sub>ij</sub> − u<sub>i</sub>)), where ↓ rounds the difference down (TwoSum gives its exact
 * error), so that u<sub>i</sub> + v'<sub>j</sub> ≤ C<sub>ij</sub> holds in exact arithmetic. By weak duality
 * D = Σ a<sub>i</sub> u<sub>i</sub> + Σ b<sub>j</sub> v'<sub>j</sub> ≤ optimum; D is computed by a compensated
 * dot product ({@link CompensatedDot}) and lowered by that product's rigorous error bound.
 *
 * <p><b>Upper bound.</b> The plan's cost is computed the same way and raised by its error bound. A plan whose
 * marginals miss a and b by E = Σ<sub>i</sub> |Σ<sub>j</sub> P<sub>ij</sub> − a<sub>i</sub>| +
 * Σ<sub>j</sub> |Σ<sub>i</sub> P<sub>ij</sub> − b<sub>j</sub>| (each defect a compensated sum, raised by its error
 * bound) can be made feasible by scaling down the rows and then the columns that carry too much (removing at most
 * E of mass, each unit changing the cost by at most max|C|) and transporting the at most 2E of mass then missing
 * (at most max|C| a unit): optimum ≤ cost + 3·max|C|·E.
 *
 * <p>{@link #errorBound()} = max(upper − value, value − lower), rounded up, bounds |value − optimum|; it is
 * {@link #holds()} when errorBound ≤ 1e-9·|value|, or ≤ the absolute floor 2<sup>−80</sup>·(max|C|·mass + Σ|a<sub>i</sub>u<sub>i</sub>| +
 * Σ|b<sub>j</sub>v'<sub>j</sub>| + Σ|C<sub>ij</sub>P<sub>ij</sub>|) +
 * 16·(n·m + n + m + 4)·2<sup>−1074</sup> (27 bits below double resolution of the data, plus the underflow resolution of
 * the sums: what proves a zero optimum). A wrong value thus passes only within 1e-9 relative of the true optimum,
 * or within that floor. When Σa ≠ Σb (the problem admits 1e-9 relative), the optimum is that of b rescaled to
 * Σa. All of it is exactly equivariant under scaling costs or masses by a power
 * of two.
 *
 * @param primalCost       Σ<sub>ij</sub> C<sub>ij</sub> P<sub>ij</sub>, the plan's cost (compensated sum)
 * @param dualObjective    Σ<sub>i</sub> a<sub>i</sub> u<sub>i</sub> + Σ<sub>j</sub> b<sub>j</sub> v<sub>j</sub> of
 *                         the potentials as given
 * @param dualityGap       primalCost − dualObjective (0 at an optimum, up to rounding)
 * @param maxDualViolation max(0, max<sub>ij</sub> (u<sub>i</sub> + v<sub>j</sub> − C<sub>ij</sub>)), in cost units
 * @param maxMarginalError the largest |Σ<sub>j</sub> P<sub>ij</sub> − a<sub>i</sub>| or
 *                         |Σ<sub>i</sub> P<sub>ij</sub> − b<sub>j</sub>|, in mass units
 * @param costScale        max<sub>ij</sub> |C<sub>ij</sub>|
 * @param mass             Σ a<sub>i</sub>
 * @param lowerBound       a rigorous lower bound on the optimum (the repaired dual objective, rounded down)
 * @param upperBound       a rigorous upper bound on the optimum
 * @param errorBound       a rigorous bound on |primalCost − optimum|
 * @param floor            the absolute floor of {@link #holds(double)}
 */
public record Certificate(double primalCost, double dualObjective, double dualityGap, double maxDualViolation,
                          double maxMarginalError, double costScale, double mass, double lowerBound,
                          double upperBound, double errorBound, double floor) {

    /** The absolute floor of {@link #holds(double)} relative to the scale of its sums: 2<sup>−80</sup> ≈ 8.3e-25. */
    public static final double FLOOR = 0x1p-80;

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
     * @throws IllegalArgumentException when a cost is not finite or the certificate's sums overflow
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
        int n = problem.n();
        int m = problem.m();
        CostMatrix c = problem.cost();
        CompensatedDot primal = cost(plan, c);
        double[] repaired = new double[m];
        for (int j = 0; j < m; j++) {
            repaired[j] = potentials.v(j);
        }
        double violation = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double ui = potentials.u(i);
            for (int j = 0; j < m; j++) {
                double cij = c.get(i, j);
                if (!Double.isFinite(cij)) {
                    throw new IllegalArgumentException("cost(" + i + ", " + j + ") must be finite but is " + cij);
                }
                scale = Math.max(scale, Math.abs(cij));
                double vj = potentials.v(j);
                violation = Math.max(violation, ui + vj - cij);
                repaired[j] = Math.min(repaired[j], differenceDown(cij, ui));
            }
        }
        // b rescaled to a's total when the totals differ (the problem admits 1e-9 relative): the balanced problem
        double sa = CompensatedDot.of(problem.a(), ones(n)).value();
        double sb = CompensatedDot.of(problem.b(), ones(m)).value();
        double balance = sa == sb ? 1 : sa / sb;
        CompensatedDot given = new CompensatedDot();
        CompensatedDot dual = new CompensatedDot();
        for (int i = 0; i < n; i++) {
            given.add(problem.a(i), potentials.u(i));
            dual.add(problem.a(i), potentials.u(i));
        }
        for (int j = 0; j < m; j++) {
            given.add(problem.b(j), potentials.v(j));
            dual.add(problem.b(j) * balance, repaired[j]);
        }
        CompensatedDot[] rows = defects(n, problem::a);
        CompensatedDot[] cols = defects(m, j -> problem.b(j) * balance);
        for (int k = 0; k < plan.size(); k++) {
            PlanEntry e = plan.entry(k);
            rows[e.i()].add(e.mass());
            cols[e.j()].add(e.mass());
        }
        double marginal = 0;
        double defect = 0;
        for (CompensatedDot d : rows) {
            marginal = Math.max(marginal, Math.abs(d.value()));
            defect += Math.abs(d.value()) + d.errorBound();
        }
        for (CompensatedDot d : cols) {
            marginal = Math.max(marginal, Math.abs(d.value()));
            defect += Math.abs(d.value()) + d.errorBound();
        }
        defect *= 1 + 2 * (n + m + 1) * 0x1p-53;
        double value = primal.value();
        double lower = dual.value() - dual.errorBound();
        double upper = value + primal.errorBound() + 3 * scale * defect;
        double bound = Math.nextUp(Math.max(Math.max(upper - value, value - lower), 0) * (1 + 0x1p-50));
        double mass = problem.mass();
        double tiny = FLOOR * (scale * mass + dual.absSum() + primal.absSum()) + 16.0 * ((double) n * m + n + m + 4) * Double.MIN_VALUE;
        if (!Double.isFinite(value) || !Double.isFinite(dual.value()) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("the certificate's sums overflow (plan cost " + value
                    + ", dual objective " + dual.value() + ", costs up to " + scale + ", mass " + mass
                    + "): scale the costs or weights down");
        }
        return new Certificate(value, given.value(), value - given.value(), Math.max(violation, 0), marginal,
                scale, mass, lower, upper, bound, tiny);
    }

    /** Σ C<sub>ij</sub> P<sub>ij</sub> over the plan's entries, compensated: the value a solver reports. */
    static CompensatedDot cost(TransportPlan plan, CostMatrix c) {
        CompensatedDot dot = new CompensatedDot();
        for (int k = 0; k < plan.size(); k++) {
            PlanEntry e = plan.entry(k);
            dot.add(c.get(e.i(), e.j()), e.mass());
        }
        return dot;
    }

    private static double[] ones(int size) {
        double[] one = new double[size];
        java.util.Arrays.fill(one, 1);
        return one;
    }

    private static CompensatedDot[] defects(int size, java.util.function.IntToDoubleFunction weight) {
        CompensatedDot[] d = new CompensatedDot[size];
        for (int k = 0; k < size; k++) {
            d[k] = new CompensatedDot().add(-weight.applyAsDouble(k));
        }
        return d;
    }

    /** The largest double ≤ x − y exactly (TwoSum gives the rounding error of x − y). */
    private static double differenceDown(double x, double y) {
        double s = x - y;
        double z = s - x;
        double err = (x - (s - z)) + (-y - z);
        return err < 0 ? Math.nextDown(s) : s;
    }

    /**
     * Whether the certificate proves the value optimal to the relative tolerance {@code tolerance}:
     * {@link #errorBound()} ≤ max(tolerance·|primalCost|, {@link #floor()}).
     *
     * @param tolerance the relative tolerance, e.g. {@link #DEFAULT_TOLERANCE}
     * @return whether the value is within tolerance of the optimum, proven
     */
    public boolean holds(double tolerance) {
        return errorBound <= Math.max(tolerance * Math.abs(primalCost), floor);
    }

    /** @return {@link #holds(double)} at {@link #DEFAULT_TOLERANCE} */
    public boolean holds() {
        return holds(DEFAULT_TOLERANCE);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Certificate[primal=%.12g, dual=%.12g, gap=%.3e, errorBound=%.3e (%.2e relative), "
                        + "maxDualViolation=%.3e, maxMarginalError=%.3e]",
                primalCost, dualObjective, dualityGap, errorBound,
                primalCost == 0 ? Double.POSITIVE_INFINITY : errorBound / Math.abs(primalCost),
                maxDualViolation, maxMarginalError);
    }
}
