package io.github.ot4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CTransformTest {

    private static final double TOL = 1e-9;

    private static DiscreteMeasure weighted(SplittableRandom random, int n, int d, double mean) {
        return DiscreteMeasure.of(Clouds.gaussian(random, n, d, mean), Clouds.weights(random, n, false));
    }

    @Test
    void optimalPotentialsReadTheExactValueFromEitherSide() {
        SplittableRandom random = new SplittableRandom(7);
        DiscreteMeasure mu = weighted(random, 40, 3, 0.0);
        DiscreteMeasure nu = weighted(random, 30, 3, 1.5);
        for (GroundCost cost : new GroundCost[] {GroundCost.euclidean(), GroundCost.cityblock(),
                GroundCost.squaredEuclidean()}) {
            TransportResult r = ExactSolvers.defaultSolver().solve(mu, nu, cost);
            CostMatrix c = CostMatrix.between(mu, nu, cost);
            double[] u = r.potentials().u();
            double[] v = r.potentials().v();
            assertEquals(r.value(), CTransform.dualValue(mu, u, nu, CTransform.ofU(c, u)), TOL, cost.toString());
            assertEquals(r.value(), CTransform.dualValue(mu, CTransform.ofV(c, v), nu, v), TOL, cost.toString());
            assertEquals(r.value(), CTransform.lowerBound(mu, u, nu, v, cost), TOL, cost.toString());
        }
    }

    @Test
    void anyPotentialGivesAFeasibleTightPairAndALowerBound() {
        SplittableRandom random = new SplittableRandom(11);
        DiscreteMeasure mu = weighted(random, 25, 2, 0.0);
        DiscreteMeasure nu = weighted(random, 35, 2, 0.7);
        GroundCost cost = GroundCost.euclidean();
        double exact = OptimalTransport.distance(mu, nu, cost);
        double[][] c = CostMatrix.between(mu, nu, cost).toArray();
        for (int trial = 0; trial < 5; trial++) {
            double[] u = new double[mu.size()];
            double[] v = new double[nu.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = 3 * Clouds.gauss(random);
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = 3 * Clouds.gauss(random);
            }
            double[] uc = CTransform.ofU(CostMatrix.of(c), u);
            for (int j = 0; j < v.length; j++) {
                double slack = Double.POSITIVE_INFINITY;
                for (int i = 0; i < u.length; i++) {
                    assertTrue(u[i] + uc[j] <= c[i][j] + TOL);
                    slack = Math.min(slack, c[i][j] - u[i] - uc[j]);
                }
                assertEquals(0.0, slack, TOL, "u^c is the largest feasible v, tight at some i");
            }
            double[] vc = CTransform.ofV(CostMatrix.of(c), v);
            for (int i = 0; i < u.length; i++) {
                double slack = Double.POSITIVE_INFINITY;
                for (int j = 0; j < v.length; j++) {
                    slack = Math.min(slack, c[i][j] - vc[i] - v[j]);
                }
                assertEquals(0.0, slack, TOL, "v^c is the largest feasible u, tight at some j");
            }
            double bound = CTransform.lowerBound(mu, u, nu, v, cost);
            assertTrue(bound <= exact + TOL, bound + " > " + exact);
            // the second transform: u^cc ≥ u, so the bound is at least the single transforms' values, and for
            // random (not c-concave) potentials strictly above both
            double single = Math.max(CTransform.dualValue(mu, u, nu, uc), CTransform.dualValue(mu, vc, nu, v));
            double[] ucc = CTransform.ofV(CostMatrix.of(c), uc);
            for (int i = 0; i < u.length; i++) {
                assertTrue(ucc[i] >= u[i] - TOL, "u^cc >= u at " + i);
            }
            assertTrue(bound > single + 1e-6, bound + " not above the single transforms' " + single);
        }
    }

    @Test
    void pointAndDenseMatricesGiveTheSameTransforms() {
        SplittableRandom random = new SplittableRandom(3);
        DiscreteMeasure mu = DiscreteMeasure.uniform(Clouds.gaussian(random, 300, 4, 0.0));
        DiscreteMeasure nu = DiscreteMeasure.uniform(Clouds.gaussian(random, 70, 4, 0.5));
        double[] u = Clouds.column(Clouds.gaussian(random, 300, 1, 0.0));
        double[] v = Clouds.column(Clouds.gaussian(random, 70, 1, 0.0));
        CostMatrix points = CostMatrix.between(mu, nu, GroundCost.cityblock());
        CostMatrix dense = CostMatrix.of(points.toArray());
        assertArrayEquals(CTransform.ofU(dense, u), CTransform.ofU(points, u), 0.0);
        assertArrayEquals(CTransform.ofV(dense, v), CTransform.ofV(points, v), 0.0);
    }

    @Test
    void translationOfAOneDimensionalMeasureIsReadFromTheLinearPotential() {
        double[][] x = {{0.0}, {1.0}, {2.5}};
        double[][] y = {{0.4}, {1.4}, {2.9}};
        DiscreteMeasure mu = DiscreteMeasure.uniform(x);
        DiscreteMeasure nu = DiscreteMeasure.uniform(y);
        // u(x) = −x is 1-Lipschitz and decreasing: its c-transform is y on every y ≥ min x, the dual value |t| = W1
        double[] u = {0.0, -1.0, -2.5};
        double[] uc = CTransform.ofU(CostMatrix.between(mu, nu, GroundCost.euclidean()), u);
        assertArrayEquals(new double[] {0.4, 1.4, 2.9}, uc, TOL);
        assertEquals(0.4, CTransform.dualValue(mu, u, nu, uc), TOL);
        assertEquals(OptimalTransport.distance(mu, nu, GroundCost.euclidean()), CTransform.dualValue(mu, u, nu, uc),
                TOL);
    }

    @Test
    void badArgumentsAreNamed() {
        CostMatrix c = CostMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CTransform.ofU(c, new double[2]));
        assertTrue(e.getMessage().contains("u must have 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CTransform.ofV(c, new double[] {0, Double.NaN}));
        assertTrue(e.getMessage().contains("v[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CTransform.ofU(null, new double[3]));
    }
}
