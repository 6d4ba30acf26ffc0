package io.github.ot4j.core;

import io.github.ot4j.core.internal.CompensatedDot;
import io.github.ot4j.core.internal.DefectRouting;

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
                          double maxMarginalError, double marginalDefect, double costScale, double mass,
                          double lowerBound,
                          double upperBound, double errorBound, double floor, double massFloor) {

    /** The absolute floor of {@link #holds(double)} relative to the scale of its sums: 2<sup>−80</sup> ≈ 8.3e-25. */
    public static final double FLOOR = 0x1p-80;

    /** The relative tolerance of {@link #holds()}: 1e-9. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private static final double EPS = 0x1p-53;

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
        double[] u = potentials.u();
        double[] repaired = potentials.v();
        double violation = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double ui = u[i];
            for (int j = 0; j < m; j++) {
                double cij = c.get(i, j);
                if (!Double.isFinite(cij)) {
                    throw new IllegalArgumentException("cost(" + i + ", " + j + ") must be finite but is " + cij);
                }
                scale = Math.max(scale, Math.abs(cij));
                violation = Math.max(violation, ui + potentials.v(j) - cij);
                repaired[j] = Math.min(repaired[j], differenceDown(cij, ui));
            }
        }
        // the balanced problem: b' = b·(1 + q), q = (Σa − Σb)/Σb exactly, known as q̃ ± δq
        CompensatedDot difference = new CompensatedDot();
        CompensatedDot sumB = new CompensatedDot();
        for (int i = 0; i < n; i++) {
            difference.add(problem.a(i));
        }
        for (int j = 0; j < m; j++) {
            difference.add(-problem.b(j));
            sumB.add(problem.b(j));
        }
        double sb = sumB.value();
        double sbLow = sb - sumB.errorBound();
        double q = 0;
        double dq = 0;
        if (difference.value() != 0 || difference.errorBound() > 0) {
            q = sbLow > 0 ? difference.value() / sb : 0;
            dq = sbLow > 0 ? up((difference.errorBound() + Math.abs(difference.value()) * sumB.errorBound() / sb)
                    / sbLow + EPS * Math.abs(q)) : Double.POSITIVE_INFINITY;
        }
        // lower bound: the repaired dual objective Σ a u + (1 + q) Σ b v', rounded down
        CompensatedDot given = new CompensatedDot();
        CompensatedDot dual = new CompensatedDot();
        CompensatedDot dualB = new CompensatedDot();
        for (int i = 0; i < n; i++) {
            given.add(problem.a(i), u[i]);
            dual.add(problem.a(i), u[i]);
        }
        for (int j = 0; j < m; j++) {
            given.add(problem.b(j), potentials.v(j));
            dual.add(problem.b(j), repaired[j]);
            dualB.add(problem.b(j), repaired[j]);
        }
        double qb = q * dualB.value();
        double dualValue = dual.value() + qb;
        double lower = Math.nextDown(dualValue - up(dual.errorBound() + Math.abs(q) * dualB.errorBound()
                + dq * (Math.abs(dualB.value()) + dualB.errorBound()) + 2 * EPS * (Math.abs(qb) + Math.abs(dualValue))));
        // marginal defects d_i = a_i − Σ_j P_ij, e_j = b'_j − Σ_i P_ij, each known to within its error bound
        Defects defects = Defects.of(problem, plan, q, dq, 0);
        double defectBound = defects.bound;
        double value = primal.value();
        double primalHigh = up(value + primal.errorBound());
        double upper = up(primalHigh + 3 * scale * defectBound);
        double mass = problem.mass();
        double tiny = FLOOR * (scale * mass + dual.absSum() + primal.absSum())
                + 16.0 * ((double) n * m + n + m + 4) * Double.MIN_VALUE;
        if (!Double.isFinite(value) || !Double.isFinite(dualValue) || !Double.isFinite(upper)
                || !Double.isFinite(lower)) {
            throw new IllegalArgumentException("the certificate's sums overflow (plan cost " + value
                    + ", dual objective " + dual.value() + ", costs up to " + scale + ", mass " + mass
                    + "): scale the costs or weights down");
        }
        if (upper - value > Math.max(Math.max(value - lower, 0x1p-40 * Math.abs(value)), tiny)) {
            upper = Math.min(upper, routedUpper(problem, plan, u, repaired, q, dq, defects, primalHigh));
        }
        double bound = Math.nextUp(Math.max(Math.max(upper - value, value - lower), 0) * (1 + 0x1p-50));
        return new Certificate(value, given.value(), value - given.value(), Math.max(violation, 0), defects.largest,
                defectBound, scale, mass, lower, upper, bound, tiny,
                FLOOR * mass + 16.0 * ((double) n + m + plan.size() + 4) * Double.MIN_VALUE);
    }

    /**
     * The upper bound optimum ≤ cost(P + R) for a repair R of the defects through arcs of small reduced cost:
     * cost(R) = Σ R<sub>ij</sub> r<sub>ij</sub> + Σ u<sub>i</sub> d<sub>i</sub> + Σ v'<sub>j</sub> e<sub>j</sub>
     * for r = C − u − v' and any R with row sums d and column sums e, the first term bounded by
     * {@link DefectRouting}.
     */
    private static double routedUpper(TransportProblem problem, TransportPlan plan, double[] u, double[] v, double q,
                                      double dq, Defects defects, double primalHigh) {
        int n = problem.n();
        int m = problem.m();
        CostMatrix c = problem.cost();
        // entries lighter than the defects are moved into them (P' = P − those entries), until every kept entry
        // carries at least the bound on the flow a repair puts through it
        double threshold = 0;
        for (int round = 0; defects.lightest < defects.bound; round++) {
            if (round == 8) {
                return Double.POSITIVE_INFINITY;
            }
            threshold = Math.max(2 * defects.bound, 2 * threshold);
            defects = Defects.of(problem, plan, q, dq, threshold);
        }
        CompensatedDot potential = new CompensatedDot();
        CompensatedDot unknown = new CompensatedDot();
        for (int i = 0; i < n; i++) {
            potential.add(u[i], defects.defect[i]);
            unknown.add(Math.abs(u[i]), defects.slack[i]);
        }
        for (int j = 0; j < m; j++) {
            potential.add(v[j], defects.defect[n + j]);
            unknown.add(Math.abs(v[j]), defects.slack[n + j]);
        }
        int size = plan.size();
        int[] rows = new int[size];
        int[] cols = new int[size];
        double[] back = new double[size];
        boolean[] usable = new boolean[size];
        CompensatedDot dropped = new CompensatedDot();
        int hub = 0;
        double best = -1;
        for (int k = 0; k < size; k++) {
            PlanEntry e = plan.entry(k);
            double cij = c.get(e.i(), e.j());
            rows[k] = e.i();
            cols[k] = e.j();
            usable[k] = e.mass() >= threshold;
            back[k] = reducedUp(-cij, -u[e.i()], -v[e.j()]);
            if (!usable[k] && cij < 0) {
                dropped.add(e.mass(), -cij); // cost(P') = cost(P) − Σ dropped P·C
            }
            if (e.mass() > best) {
                best = e.mass();
                hub = e.i();
            }
        }
        double route = DefectRouting.bound(n, m, defects.weight, rows, cols, back, usable,
                (i, j) -> reducedUp(c.get(i, j), u[i], v[j]), hub);
        double extra = up(potential.errorBound() + unknown.value() + unknown.errorBound() + dropped.value()
                + dropped.errorBound());
        double terms = primalHigh + potential.value() + extra + route;
        return up(terms + 4 * EPS * (Math.abs(primalHigh) + Math.abs(potential.value()) + extra + route));
    }

    /**
     * The defects of a plan's marginals from a and b' = (1 + q)·b, leaving out entries lighter than a threshold.
     */
    private static final class Defects {
        /** d<sub>i</sub> (rows) then e<sub>j</sub> (columns), rounded. */
        final double[] defect;
        /** Bounds on |exact − defect|. */
        final double[] slack;
        /** |defect| + slack, rounded up: bounds on |exact|. */
        final double[] weight;
        /** Σ weight, rounded up. */
        final double bound;
        /** The largest |defect|. */
        final double largest;
        /** The lightest entry kept. */
        final double lightest;

        private Defects(double[] defect, double[] slack, double[] weight, double bound, double largest,
                        double lightest) {
            this.defect = defect;
            this.slack = slack;
            this.weight = weight;
            this.bound = bound;
            this.largest = largest;
            this.lightest = lightest;
        }

        static Defects of(TransportProblem problem, TransportPlan plan, double q, double dq, double threshold) {
            int n = problem.n();
            int m = problem.m();
            CompensatedDot[] sums = new CompensatedDot[n + m];
            for (int i = 0; i < n; i++) {
                sums[i] = new CompensatedDot().add(problem.a(i));
            }
            for (int j = 0; j < m; j++) {
                sums[n + j] = new CompensatedDot().add(problem.b(j)).add(problem.b(j), q);
            }
            int[] entries = new int[n + m];
            double lightest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < plan.size(); k++) {
                PlanEntry e = plan.entry(k);
                if (e.mass() >= threshold) {
                    sums[e.i()].add(-e.mass());
                    sums[n + e.j()].add(-e.mass());
                    entries[e.i()]++;
                    entries[n + e.j()]++;
                    lightest = Math.min(lightest, e.mass());
                }
            }
            double[] defect = new double[n + m];
            double[] slack = new double[n + m];
            double[] weight = new double[n + m];
            double largest = 0;
            CompensatedDot total = new CompensatedDot();
            for (int x = 0; x < n + m; x++) {
                if (entries[x] == 0 && (x < n ? problem.a(x) : problem.b(x - n)) == 0) {
                    continue; // a zero weight without entries: no defect, exactly
                }
                defect[x] = sums[x].value();
                slack[x] = up(sums[x].errorBound() + (x >= n ? Math.abs(problem.b(x - n)) * dq : 0));
                weight[x] = up(Math.abs(defect[x]) + slack[x]);
                largest = Math.max(largest, Math.abs(defect[x]));
                total.add(weight[x]);
            }
            return new Defects(defect, slack, weight, up(total.value() + total.errorBound()), largest, lightest);
        }
    }

    /** A number ≥ max(x − y − z, 0) exactly: the rounded difference plus more than its rounding error. */
    private static double reducedUp(double x, double y, double z) {
        double r = x - y - z + 4 * EPS * (Math.abs(x) + Math.abs(y) + Math.abs(z)) + 2 * Double.MIN_VALUE;
        return Math.max(r, 0);
    }

    /** x plus more than the rounding error of the sum or product that gave it (x ≥ 0). */
    private static double up(double x) {
        return Math.nextUp(x * (1 + 4 * EPS)) + Double.MIN_VALUE;
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
        return errorBound <= Math.max(tolerance * Math.abs(primalCost), floor)
                && marginalDefect <= Math.max(tolerance * mass, massFloor);
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
