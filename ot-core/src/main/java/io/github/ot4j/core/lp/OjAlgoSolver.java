package io.github.ot4j.core.lp;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The reference exact solver: the transport linear program
 * <pre>
 *   minimise Σ_ij C_ij P_ij  subject to  Σ_j P_ij = a_i,
 *   Σ_i P_ij = b_j,  P ≥ 0
 * </pre>
 * solved by ojAlgo's simplex method. The optimal potentials are recovered from the optimal plan by
 * shortest paths on its residual graph, so that u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> holds
 * everywhere and with equality on the plan's support.
 *
 * <p>Any LP outcome other than optimal becomes a {@link TransportSolverException} carrying the mapped
 * {@link SolverStatus} and ojAlgo's state; a non-optimal answer is never returned.
 *
 * <p>Immutable and thread-safe: each call builds its own model.
 */
public final class OjAlgoSolver implements ExactSolver {

    /** Creates the solver. */
    public OjAlgoSolver() {
    }

    @Override
    public TransportResult solve(TransportProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        double[] cost = denseCost(problem.cost());
        double[] x = solvePrimal(problem, cost);
        return result(problem, cost, x);
    }

    private static double[] solvePrimal(TransportProblem problem, double[] cost) {
        int n = problem.n();
        int m = problem.m();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] p = new Variable[n * m];
        for (int k = 0; k < p.length; k++) {
            p[k] = model.addVariable().lower(0).weight(cost[k]);
        }
        for (int i = 0; i < n; i++) {
            Expression row = model.addExpression().level(problem.a(i));
            for (int j = 0; j < m; j++) {
                row.set(p[i * m + j], 1);
            }
        }
        for (int j = 0; j < m; j++) {
            Expression col = model.addExpression().level(problem.b(j));
            for (int i = 0; i < n; i++) {
                col.set(p[i * m + j], 1);
            }
        }
        Optimisation.Result result = model.minimise();
        requireOptimal(result.getState(), result.getValue(), n, m);
        double[] x = new double[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = result.doubleValue(k);
        }
        return x;
    }

    private static TransportResult result(TransportProblem problem, double[] cost, double[] x) {
        int n = problem.n();
        int m = problem.m();
        double mass = problem.mass();
        double threshold = 1e-14 * mass;
        boolean[] support = new boolean[n * m];
        int count = 0;
        for (int k = 0; k < x.length; k++) {
            if (x[k] < -1e-9 * mass || !Double.isFinite(x[k])) {
                throw new TransportSolverException(SolverStatus.FAILED,
                        "ojAlgo returned an infeasible plan entry P[" + (k / m) + "][" + (k % m) + "] = " + x[k]);
            }
            if (x[k] > 0) {
                count++;
                support[k] = x[k] > threshold;
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] masses = new double[count];
        int e = 0;
        double scale = 0;
        for (int k = 0; k < x.length; k++) {
            scale = Math.max(scale, Math.abs(cost[k]));
            if (x[k] > 0) {
                rows[e] = k / m;
                cols[e] = k % m;
                masses[e] = x[k];
                e++;
            }
        }
        double[][] uv = PlanPotentials.recover(cost, n, m, support, 1e-14 * Math.max(1, scale));
        return new TransportResult(problem, TransportPlan.of(n, m, rows, cols, masses), new Potentials(uv[0], uv[1]));
    }

    /**
     * Maps an ojAlgo outcome to ours: returns normally for an optimal state, otherwise throws.
     *
     * @param state the ojAlgo state
     * @param value the objective value ojAlgo reported
     * @param n     the number of sources, for the message
     * @param m     the number of targets, for the message
     * @throws TransportSolverException with the mapped status unless {@code state.isOptimal()}
     */
    static void requireOptimal(Optimisation.State state, double value, int n, int m) {
        if (state != null && state.isOptimal()) {
            return;
        }
        throw new TransportSolverException(statusOf(state), "ojAlgo stopped in state " + state + " with value "
                + value + " on the " + n + " x " + m + " transport LP; no optimal answer");
    }

    /**
     * @param state an ojAlgo state
     * @return the corresponding solver status
     */
    static SolverStatus statusOf(Optimisation.State state) {
        if (state == null) {
            return SolverStatus.FAILED;
        }
        switch (state) {
            case OPTIMAL:
            case DISTINCT:
                return SolverStatus.OPTIMAL;
            case FEASIBLE:
                return SolverStatus.FEASIBLE;
            case INFEASIBLE:
                return SolverStatus.INFEASIBLE;
            case UNBOUNDED:
                return SolverStatus.UNBOUNDED;
            default:
                return SolverStatus.FAILED;
        }
    }

    private static double[] denseCost(CostMatrix c) {
        int n = c.rows();
        int m = c.cols();
        double[] cost = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                cost[i * m + j] = c.get(i, j);
            }
        }
        return cost;
    }

    @Override
    public String toString() {
        return "OjAlgoSolver";
    }
}
