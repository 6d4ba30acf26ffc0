package io.github.ot4j.core.oned;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.MinkowskiCost;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;

/**
 * The closed form of optimal transport on the line for the cost c(x, y) = |x − y|<sup>p</sup>, p ≥ 1: sort
 * both point sets and fill the plan by the north-west corner rule in sorted order (the monotone, or quantile,
 * coupling). The cost matrix in sorted order is a Monge matrix (c is convex in x − y), so this staircase plan
 * is optimal, and the potentials of its staircase basis — u<sub>i</sub> + v<sub>j</sub> = C<sub>ij</sub> along
 * the staircase — are dual feasible: the answer is certified like any other. Time O((n + m) log(n + m)),
 * memory O(n + m).
 *
 * <p>It applies to problems made from one-dimensional measures with a {@link MinkowskiCost} of power ≥ 1
 * (see {@link #appliesTo(TransportProblem)}); the default solver picks it for them automatically.
 *
 * <p>Immutable and thread-safe.
 */
public final class OneDimensionalSolver implements ExactSolver {

    /** A solver; it holds no state. */
    public OneDimensionalSolver() {
    }

    /**
     * Whether the closed form applies: the problem's costs come from
     * {@link CostMatrix#between(DiscreteMeasure, DiscreteMeasure, io.github.ot4j.core.GroundCost) points} of
     * dimension 1 under a {@link MinkowskiCost} with power ≥ 1 (in one dimension it is |x − y|<sup>power</sup>
     * whatever its norm).
     *
     * @param problem a problem
     * @return whether {@link #solve(TransportProblem)} accepts it
     */
    public static boolean appliesTo(TransportProblem problem) {
        return problem != null && problem.cost() instanceof PointCostMatrix points
                && points.source().dimension() == 1
                && points.groundCost() instanceof MinkowskiCost cost && cost.power() >= 1;
    }

    /**
     * Solves the problem in closed form.
     *
     * @param problem a problem the closed form applies to
     * @return the optimal answer: the monotone plan and its staircase potentials
     * @throws IllegalArgumentException if the closed form does not apply ({@link #appliesTo(TransportProblem)})
     */
    @Override
    public TransportResult solve(TransportProblem problem) {
        if (!appliesTo(problem)) {
            throw new IllegalArgumentException("problem must come from one-dimensional points with a MinkowskiCost "
                    + "of power >= 1 but is " + problem + (problem == null ? "" : " with costs " + problem.cost()));
        }
        PointCostMatrix points = (PointCostMatrix) problem.cost();
        int[] ox = order(coordinates(points.source()));
        int[] oy = order(coordinates(points.target()));
        int n = ox.length;
        int m = oy.length;
        double[] u = new double[n];
        double[] v = new double[m];
        int[] rows = new int[n + m - 1];
        int[] cols = new int[n + m - 1];
        double[] masses = new double[n + m - 1];
        int k = 0;
        int i = 0;
        int j = 0;
        double ra = problem.a(ox[0]);
        double rb = problem.b(oy[0]);
        u[ox[0]] = 0;
        v[oy[0]] = points.get(ox[0], oy[0]);
        while (true) {
            double f = Math.min(ra, rb);
            rows[k] = ox[i];
            cols[k] = oy[j];
            masses[k++] = f;
            if (i == n - 1 && j == m - 1) {
                break;
            }
            if (j == m - 1 || (i < n - 1 && ra <= rb)) {
                rb -= f;
                i++;
                ra = problem.a(ox[i]);
                u[ox[i]] = points.get(ox[i], oy[j]) - v[oy[j]];
            } else {
                ra -= f;
                j++;
                rb = problem.b(oy[j]);
                v[oy[j]] = points.get(ox[i], oy[j]) - u[ox[i]];
            }
        }
        TransportPlan plan = TransportPlan.of(n, m, rows, cols, masses);
        return new TransportResult(problem, plan, new Potentials(u, v));
    }

    /**
     * Ignores the warm start beyond checking its shape: the closed form costs less than reading it.
     *
     * @param problem   a problem the closed form applies to
     * @param warmStart null, or potentials of the problem's shape (otherwise ignored)
     * @return the optimal answer
     */
    @Override
    public TransportResult solve(TransportProblem problem, Potentials warmStart) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        if (warmStart != null && (warmStart.u().length != problem.n() || warmStart.v().length != problem.m())) {
            throw new IllegalArgumentException("warmStart has lengths " + warmStart.u().length + " and "
                    + warmStart.v().length + " but the problem is " + problem.n() + " x " + problem.m());
        }
        return solve(problem);
    }

    private static double[] coordinates(DiscreteMeasure measure) {
        double[] x = new double[measure.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = measure.coordinate(i, 0);
        }
        return x;
    }

    /** The indices of {@code keys} in ascending order of key (stable merge sort, no boxing). */
    static int[] order(double[] keys) {
        int[] index = new int[keys.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        int[] buffer = new int[keys.length];
        for (int width = 1; width < index.length; width *= 2) {
            for (int lo = 0; lo < index.length; lo += 2 * width) {
                int mid = Math.min(lo + width, index.length);
                int hi = Math.min(lo + 2 * width, index.length);
                int p = lo;
                int q = mid;
                for (int t = lo; t < hi; t++) {
                    if (q >= hi || (p < mid && keys[index[p]] <= keys[index[q]])) {
                        buffer[t] = index[p++];
                    } else {
                        buffer[t] = index[q++];
                    }
                }
            }
            int[] swap = index;
            index = buffer;
            buffer = swap;
        }
        return index;
    }

    @Override
    public String toString() {
        return "OneDimensionalSolver";
    }
}
