package io.github.ot4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract every {@link ExactSolver} must honour. Subclass it and supply the solver: reference values
 * from POT, closed forms (Dirac masses, translations, the 1-D quantile coupling) and identities (marginals,
 * zero duality gap, dual feasibility, W(μ, μ) = 0, symmetry, triangle inequality).
 */
public abstract class ExactSolverContract {

    /** The one relative tolerance of these tests. */
    protected static final double TOL = 1e-9;

    /** @return the solver under test */
    protected abstract ExactSolver solver();

    public static List<String> references() {
        return ReferenceInstance.NAMES;
    }

    @ParameterizedTest
    @MethodSource("references")
    public void matchesPotReferenceValue(String name) {
        ReferenceInstance ref = ReferenceInstance.load(name);
        TransportResult r = solver().solve(ref.problem());
        assertThat(r.value()).isCloseTo(ref.potValue(), within(TOL * ref.potValue()));
        assertThat(r.status()).isEqualTo(SolverStatus.OPTIMAL);
    }

    @ParameterizedTest
    @MethodSource("references")
    public void certificateProvesOptimalityOnReferences(String name) {
        ReferenceInstance ref = ReferenceInstance.load(name);
        TransportResult r = solver().solve(ref.problem());
        assertCertified(r);
        assertThat(r.certificate().primalCost()).isCloseTo(r.value(), within(TOL * r.value()));
        assertThat(r.certificate().dualObjective()).isCloseTo(ref.potValue(), within(TOL * ref.potValue()));
    }

    @Test
    public void planHasMarginalsAAndB() {
        SplittableRandom random = new SplittableRandom(11);
        double[] a = Clouds.weights(random, 23, true);
        double[] b = Clouds.weights(random, 31, true);
        TransportProblem p = TransportProblem.of(
                DiscreteMeasure.of(Clouds.gaussian(random, 23, 3, 0), a),
                DiscreteMeasure.of(Clouds.gaussian(random, 31, 3, 1), b), GroundCost.euclidean());
        TransportPlan plan = solver().solve(p).plan();
        double[] rows = plan.rowSums();
        double[] cols = plan.colSums();
        for (int i = 0; i < a.length; i++) {
            assertThat(rows[i]).isCloseTo(a[i], within(TOL));
        }
        for (int j = 0; j < b.length; j++) {
            assertThat(cols[j]).isCloseTo(b[j], within(TOL));
        }
        assertThat(plan.size()).isLessThanOrEqualTo(a.length + b.length - 1);
    }

    @Test
    public void potentialsAreComplementaryToThePlan() {
        SplittableRandom random = new SplittableRandom(12);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(Clouds.gaussian(random, 40, 2, 0)),
                DiscreteMeasure.uniform(Clouds.gaussian(random, 30, 2, 1)), GroundCost.squaredEuclidean());
        TransportResult r = solver().solve(p);
        for (PlanEntry e : r.plan().entries()) {
            double slack = p.cost().get(e.i(), e.j()) - r.potentials().u(e.i()) - r.potentials().v(e.j());
            assertThat(slack).isCloseTo(0, within(TOL * 10));
        }
        assertCertified(r);
    }

    @Test
    public void distanceOfAMeasureToItselfIsZeroWithTheIdentityPlan() {
        SplittableRandom random = new SplittableRandom(13);
        DiscreteMeasure mu = DiscreteMeasure.of(Clouds.gaussian(random, 25, 4, 0), Clouds.weights(random, 25, false));
        TransportResult r = solver().solve(mu, mu, GroundCost.euclidean());
        assertThat(r.value()).isCloseTo(0, within(TOL));
        for (PlanEntry e : r.plan().entries()) {
            assertThat(e.i()).isEqualTo(e.j());
        }
        assertCertified(r);
    }

    @Test
    public void distanceIsSymmetric() {
        SplittableRandom random = new SplittableRandom(14);
        DiscreteMeasure mu = DiscreteMeasure.of(Clouds.gaussian(random, 17, 3, 0), Clouds.weights(random, 17, false));
        DiscreteMeasure nu = DiscreteMeasure.of(Clouds.gaussian(random, 29, 3, 2), Clouds.weights(random, 29, false));
        for (GroundCost cost : List.of(GroundCost.euclidean(), GroundCost.cityblock(), GroundCost.squaredEuclidean())) {
            double forward = solver().solve(mu, nu, cost).value();
            double backward = solver().solve(nu, mu, cost).value();
            assertThat(backward).isCloseTo(forward, within(TOL * forward));
        }
    }

    @Test
    public void tinyCostsAreCertifiedRelativeToTheirOwnScale() {
        SplittableRandom random = new SplittableRandom(19);
        double[][] x = Clouds.gaussian(random, 23, 2, 0);
        double[][] y = Clouds.gaussian(random, 31, 2, 1);
        double[] a = Clouds.weights(random, 23, false);
        double[] b = Clouds.weights(random, 31, false);
        double unscaled = solver().solve(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b),
                GroundCost.euclidean()).value();
        TransportResult tiny = solver().solve(DiscreteMeasure.of(scaled(x, 1e-6), a),
                DiscreteMeasure.of(scaled(y, 1e-6), b), GroundCost.euclidean());
        assertCertified(tiny);
        assertThat(tiny.value()).isCloseTo(1e-6 * unscaled, within(TOL * 1e-6 * unscaled));
    }

    private static double[][] scaled(double[][] points, double factor) {
        double[][] s = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            s[i] = points[i].clone();
            for (int d = 0; d < s[i].length; d++) {
                s[i][d] *= factor;
            }
        }
        return s;
    }

    @Test
    public void translationMovesEveryPointByTheNormOfTheShift() {
        SplittableRandom random = new SplittableRandom(15);
        double[][] x = Clouds.gaussian(random, 30, 2, 0);
        double[] t = {3.0, -4.0};
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = new double[] {x[i][0] + t[0], x[i][1] + t[1]};
        }
        double w1 = solver().solve(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), GroundCost.euclidean()).value();
        assertThat(w1).isCloseTo(5.0, within(TOL * 5));
    }

    @Test
    public void triangleInequalityHoldsOnRandomTriples() {
        SplittableRandom random = new SplittableRandom(16);
        for (int trial = 0; trial < 10; trial++) {
            DiscreteMeasure[] m = new DiscreteMeasure[3];
            for (int k = 0; k < 3; k++) {
                int n = 5 + random.nextInt(20);
                m[k] = DiscreteMeasure.of(Clouds.gaussian(random, n, 2, random.nextDouble() * 2),
                        Clouds.weights(random, n, true));
            }
            double ab = solver().solve(m[0], m[1], GroundCost.euclidean()).value();
            double bc = solver().solve(m[1], m[2], GroundCost.euclidean()).value();
            double ac = solver().solve(m[0], m[2], GroundCost.euclidean()).value();
            assertThat(ac).isLessThanOrEqualTo(ab + bc + TOL);
        }
    }

    @Test
    public void oneDimensionalMatchesTheQuantileClosedForm() {
        SplittableRandom random = new SplittableRandom(17);
        for (double p : new double[] {1, 2}) {
            double[][] x = Clouds.gaussian(random, 37, 1, 0);
            double[][] y = Clouds.gaussian(random, 23, 1, 0.7);
            double[] a = Clouds.weights(random, 37, true);
            double[] b = Clouds.weights(random, 23, false);
            GroundCost cost = p == 1 ? GroundCost.euclidean() : GroundCost.squaredEuclidean();
            double exact = Clouds.quantileCost(Clouds.column(x), a, Clouds.column(y), b, p);
            TransportResult r = solver().solve(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), cost);
            assertThat(r.value()).isCloseTo(exact, within(TOL * exact));
            assertCertified(r);
        }
    }

    @Test
    public void diracSourceSendsEverythingFromOnePoint() {
        SplittableRandom random = new SplittableRandom(18);
        double[][] y = Clouds.gaussian(random, 19, 3, 1);
        double[] b = Clouds.weights(random, 19, true);
        double[] x = {0.5, -0.25, 2};
        double expected = 0;
        for (int j = 0; j < y.length; j++) {
            expected += b[j] * GroundCost.cityblock().between(x, y[j]);
        }
        TransportResult r = solver().solve(DiscreteMeasure.uniform(new double[][] {x}), DiscreteMeasure.of(y, b),
                GroundCost.cityblock());
        assertThat(r.value()).isCloseTo(expected, within(TOL * expected));
        TransportResult back = solver().solve(DiscreteMeasure.of(y, b), DiscreteMeasure.uniform(new double[][] {x}),
                GroundCost.cityblock());
        assertThat(back.value()).isCloseTo(expected, within(TOL * expected));
        assertCertified(r);
        assertCertified(back);
    }

    @Test
    public void twoDiracsAreAtTheirDistance() {
        TransportResult r = solver().solve(DiscreteMeasure.uniform(new double[][] {{1, 2}}),
                DiscreteMeasure.uniform(new double[][] {{4, 6}}), GroundCost.euclidean());
        assertThat(r.value()).isCloseTo(5, within(TOL));
        assertThat(r.plan().entries()).containsExactly(new PlanEntry(0, 0, 1.0));
    }

    @Test
    public void zeroWeightsAndDuplicatePointsAreSolvedExactly() {
        double[][] x = {{0, 0}, {0, 0}, {1, 0}, {5, 5}};
        double[] a = {0.25, 0.25, 0.5, 0};
        double[][] y = {{0, 1}, {1, 1}, {1, 1}};
        double[] b = {0.5, 0.25, 0.25};
        // both (0,0) go to (0,1) at cost 1, (1,0) goes to (1,1) at cost 1: every unit of mass moves 1
        TransportResult r = solver().solve(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), GroundCost.euclidean());
        assertThat(r.value()).isCloseTo(1.0, within(TOL));
        assertThat(r.plan().rowSums()[3]).isZero();
        assertCertified(r);
    }

    @Test
    public void userCostMatrixWithNegativeEntriesIsSolved() {
        double[][] c = {{-1, 2, 0}, {3, -2, 1}};
        TransportProblem p = TransportProblem.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.25, 0.5},
                CostMatrix.of(c));
        TransportResult r = solver().solve(p);
        // enumerate: row 0 sends its 0.5 over columns, row 1 the rest; optimum found by brute force below
        assertThat(r.value()).isCloseTo(bruteForce2xN(c, new double[] {0.5, 0.5}, new double[] {0.25, 0.25, 0.5}),
                within(TOL));
        assertCertified(r);
    }

    @Test
    public void warmStartFromOptimalPotentialsGivesTheSameOptimum() {
        ReferenceInstance ref = ReferenceInstance.load("gauss2d_euclid_n64");
        TransportResult cold = solver().solve(ref.problem());
        TransportResult warm = solver().solve(ref.problem(), cold.potentials());
        assertThat(warm.value()).isCloseTo(cold.value(), within(TOL * cold.value()));
        assertCertified(warm);
    }

    @Test
    public void largerRandomInstancesAreCertified() {
        SplittableRandom random = new SplittableRandom(19);
        for (GroundCost cost : List.of(GroundCost.euclidean(), GroundCost.cityblock(), GroundCost.squaredEuclidean(),
                GroundCost.minkowski(3))) {
            int n = 30 + random.nextInt(40);
            int m = 30 + random.nextInt(40);
            TransportResult r = solver().solve(
                    DiscreteMeasure.of(Clouds.gaussian(random, n, 5, 0), Clouds.weights(random, n, true)),
                    DiscreteMeasure.of(Clouds.gaussian(random, m, 5, 0.5), Clouds.weights(random, m, true)), cost);
            assertCertified(r);
        }
    }

    /**
     * Asserts that the result's certificate proves optimality at {@link #TOL}.
     *
     * @param r the result
     */
    protected static void assertCertified(TransportResult r) {
        Certificate c = r.certificate();
        assertThat(c.holds(TOL)).as("certificate %s", c).isTrue();
    }

    /** The exact optimum of a 2 × k problem, by the exchange argument below (independent of any LP solver). */
    private static double bruteForce2xN(double[][] c, double[] a, double[] b) {
        // A 2 × k transport plan is fixed by row 0: P0j in [0, b_j], Σ P0j = a0; the cost is linear, so the optimum
        // is greedy: fill row 0 in order of increasing c0j − c1j.
        int k = b.length;
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (s, t) -> Double.compare(c[0][s] - c[1][s], c[0][t] - c[1][t]));
        double left = a[0];
        double total = 0;
        for (int idx : order) {
            double p0 = Math.min(left, b[idx]);
            left -= p0;
            total += p0 * c[0][idx] + (b[idx] - p0) * c[1][idx];
        }
        return total;
    }
}
