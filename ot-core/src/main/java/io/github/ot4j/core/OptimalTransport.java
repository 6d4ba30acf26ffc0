package io.github.ot4j.core;

/**
 * The shortest way in: exact optimal transport between two point clouds with the
 * {@link ExactSolvers#defaultSolver() default solver}.
 *
 * <pre>{@code
 * DiscreteMeasure mu = DiscreteMeasure.uniform(x);
 * DiscreteMeasure nu = DiscreteMeasure.uniform(y);
 * TransportResult r = OptimalTransport.solve(mu, nu, GroundCost.euclidean());
 * double w1 = r.value();
 * }</pre>
 */
public final class OptimalTransport {

    private OptimalTransport() {
    }

    /**
     * The optimal transport between two measures under a ground cost.
     *
     * @param mu   the source measure
     * @param nu   the target measure, of equal total mass
     * @param cost the ground cost
     * @return the optimal value, plan, potentials and certificate
     */
    public static TransportResult solve(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        return ExactSolvers.defaultSolver().solve(mu, nu, cost);
    }

    /**
     * The optimal transport cost min<sub>P</sub> Σ c(x<sub>i</sub>, y<sub>j</sub>) P<sub>ij</sub>: the
     * Wasserstein-1 (Earth Mover's) distance for a metric cost and probability measures.
     *
     * @param mu   the source measure
     * @param nu   the target measure, of equal total mass
     * @param cost the ground cost
     * @return the optimal value
     */
    public static double distance(DiscreteMeasure mu, DiscreteMeasure nu, GroundCost cost) {
        return solve(mu, nu, cost).value();
    }
}
