package io.github.ot4j.core.multiscale;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/** The shortlist solver's candidate arcs besides the pricing passes': coarse-plan children and a feasible set. */
final class Candidates {

    private Candidates() {
    }

    /**
     * The children of the coarse plan's support: arc i → j for every coarse arc i′ → j′ with mass, where i′ is
     * the coarse source nearest to x<sub>i</sub> and j′ the coarse target nearest to y<sub>j</sub> (Schmitzer's
     * refinement of the coarse support).
     */
    static void refine(ArcSink simplex, TransportProblem problem, Coarsening coarse,
                               TransportPlan coarsePlan, ForkJoinPool pool) {
        int n = problem.n();
        int m = problem.m();
        int[] repRow = RowScan.scan(coarse.sourceToCoarse(), null, null, 1, false, pool).cols();
        int[] repCol = RowScan.scan(coarse.targetToCoarse(), null, null, 1, false, pool).cols();
        int nc = coarse.problem().n();
        int mc = coarse.problem().m();
        int[] childStart = new int[mc + 1];
        for (int j = 0; j < m; j++) {
            childStart[repCol[j] + 1]++;
        }
        for (int t = 0; t < mc; t++) {
            childStart[t + 1] += childStart[t];
        }
        int[] children = new int[m];
        int[] fill = childStart.clone();
        for (int j = 0; j < m; j++) {
            children[fill[repCol[j]]++] = j;
        }
        int[] arcStart = new int[nc + 1];
        for (int k = 0; k < coarsePlan.size(); k++) {
            arcStart[coarsePlan.entry(k).i() + 1]++;
        }
        for (int t = 0; t < nc; t++) {
            arcStart[t + 1] += arcStart[t];
        }
        int[] arcTarget = new int[coarsePlan.size()];
        int[] at = arcStart.clone();
        for (int k = 0; k < coarsePlan.size(); k++) {
            arcTarget[at[coarsePlan.entry(k).i()]++] = coarsePlan.entry(k).j();
        }
        CostMatrix cost = problem.cost();
        int chunk = 1 << 16;
        int[] is = new int[chunk];
        int[] js = new int[chunk];
        double[] cs = new double[chunk];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = repRow[i];
            for (int a = arcStart[r]; a < arcStart[r + 1]; a++) {
                int t = arcTarget[a];
                for (int c = childStart[t]; c < childStart[t + 1]; c++) {
                    if (count == chunk) {
                        simplex.addArcs(is, js, cs, count);
                        count = 0;
                    }
                    is[count] = i;
                    js[count] = children[c];
                    cs[count] = cost.get(i, children[c]);
                    count++;
                }
            }
        }
        simplex.addArcs(is, js, cs, count);
    }

    static void add(ArcSink simplex, RowScan.Result r) {
        int total = (int) r.total();
        int[] is = new int[total];
        int[] js = new int[total];
        double[] cs = new double[total];
        r.flatten(is, js, cs);
        simplex.addArcs(is, js, cs, total);
    }

    /** The north-west-corner plan of both sides sorted by a first coordinate (or by index): a feasible arc set. */
    static void addNorthWest(ArcSink simplex, TransportProblem problem) {
        int n = problem.n();
        int m = problem.m();
        int[] ro = order(problem.cost() instanceof PointCostMatrix p ? p.source() : null, n);
        int[] co = order(problem.cost() instanceof PointCostMatrix p ? p.target() : null, m);
        double[] a = problem.a();
        double[] b = problem.b();
        int[] is = new int[n + m];
        int[] js = new int[n + m];
        double[] cs = new double[n + m];
        int count = 0;
        int r = 0;
        int c = 0;
        double ra = a[ro[0]];
        double rb = b[co[0]];
        while (r < n && c < m) {
            is[count] = ro[r];
            js[count] = co[c];
            cs[count] = problem.cost().get(ro[r], co[c]);
            count++;
            if (ra <= rb && r < n - 1 || c == m - 1) {
                rb -= ra;
                r++;
                ra = r < n ? a[ro[r]] : 0;
            } else {
                ra -= rb;
                c++;
                rb = c < m ? b[co[c]] : 0;
            }
        }
        simplex.addArcs(is, js, cs, count);
    }

    private static int[] order(DiscreteMeasure measure, int size) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            double x = measure == null ? i : measure.coordinate(i, 0);
            long bits = Double.doubleToLongBits(x);
            bits ^= (bits >> 63) & Long.MAX_VALUE;
            keys[i] = bits;
        }
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> keys[p] != keys[q] ? Long.compare(keys[p], keys[q]) : Integer.compare(p, q));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
