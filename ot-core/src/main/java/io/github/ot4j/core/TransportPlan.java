package io.github.ot4j.core;

import io.github.ot4j.core.internal.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A transport plan P (an n × m coupling of a and b) stored sparsely as its nonzero entries. An optimal
 * basic plan has at most n + m − 1 of them.
 *
 * <p>Immutable.
 */
public final class TransportPlan {

    private final int n;
    private final int m;
    private final int[] rows;
    private final int[] cols;
    private final double[] masses;

    private TransportPlan(int n, int m, int[] rows, int[] cols, double[] masses) {
        this.n = n;
        this.m = m;
        this.rows = rows;
        this.cols = cols;
        this.masses = masses;
    }

    /**
     * A plan from parallel arrays of entries; entries with zero mass are dropped.
     *
     * @param n      the number of sources, ≥ 1
     * @param m      the number of targets, ≥ 1
     * @param rows   source index of each entry, 0 ≤ i &lt; n
     * @param cols   target index of each entry, 0 ≤ j &lt; m
     * @param masses mass of each entry, finite and ≥ 0
     * @return the plan
     */
    public static TransportPlan of(int n, int m, int[] rows, int[] cols, double[] masses) {
        Checks.atLeast("n", n, 1);
        Checks.atLeast("m", m, 1);
        if (rows == null || cols == null || masses == null) {
            throw new IllegalArgumentException("rows, cols and masses must not be null but "
                    + (rows == null ? "rows" : cols == null ? "cols" : "masses") + " is null");
        }
        if (rows.length != cols.length || rows.length != masses.length) {
            throw new IllegalArgumentException("rows, cols and masses must have equal lengths but have "
                    + rows.length + ", " + cols.length + " and " + masses.length);
        }
        int k = 0;
        int[] r = new int[rows.length];
        int[] c = new int[rows.length];
        double[] w = new double[rows.length];
        for (int e = 0; e < rows.length; e++) {
            if (rows[e] < 0 || rows[e] >= n || cols[e] < 0 || cols[e] >= m) {
                throw new IllegalArgumentException("entry " + e + " at (" + rows[e] + ", " + cols[e]
                        + ") lies outside the " + n + " x " + m + " plan");
            }
            if (!(masses[e] >= 0) || !Double.isFinite(masses[e])) {
                throw new IllegalArgumentException("masses[" + e + "] must be finite and >= 0 but is " + masses[e]);
            }
            if (masses[e] > 0) {
                r[k] = rows[e];
                c[k] = cols[e];
                w[k] = masses[e];
                k++;
            }
        }
        return new TransportPlan(n, m, Arrays.copyOf(r, k), Arrays.copyOf(c, k), Arrays.copyOf(w, k));
    }

    /** @return the number of sources n */
    public int n() {
        return n;
    }

    /** @return the number of targets m */
    public int m() {
        return m;
    }

    /** @return the number of nonzero entries */
    public int size() {
        return masses.length;
    }

    /**
     * @param k the entry's index, 0 ≤ k &lt; {@link #size()}
     * @return the k-th nonzero entry
     */
    public PlanEntry entry(int k) {
        return new PlanEntry(rows[k], cols[k], masses[k]);
    }

    /** @return the nonzero entries, as an unmodifiable list */
    public List<PlanEntry> entries() {
        List<PlanEntry> list = new ArrayList<>(size());
        for (int k = 0; k < size(); k++) {
            list.add(entry(k));
        }
        return Collections.unmodifiableList(list);
    }

    /** @return the row sums Σ<sub>j</sub> P<sub>ij</sub>, length n (equal to a for a feasible plan) */
    public double[] rowSums() {
        double[] s = new double[n];
        for (int k = 0; k < masses.length; k++) {
            s[rows[k]] += masses[k];
        }
        return s;
    }

    /** @return the column sums Σ<sub>i</sub> P<sub>ij</sub>, length m (equal to b for a feasible plan) */
    public double[] colSums() {
        double[] s = new double[m];
        for (int k = 0; k < masses.length; k++) {
            s[cols[k]] += masses[k];
        }
        return s;
    }

    /**
     * The cost Σ<sub>ij</sub> C<sub>ij</sub> P<sub>ij</sub> of this plan.
     *
     * @param cost an n × m cost matrix
     * @return the transport cost
     */
    public double cost(CostMatrix cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        if (cost.rows() != n || cost.cols() != m) {
            throw new IllegalArgumentException("cost is " + cost.rows() + " x " + cost.cols() + " but the plan is "
                    + n + " x " + m);
        }
        double s = 0;
        for (int k = 0; k < masses.length; k++) {
            s += masses[k] * cost.get(rows[k], cols[k]);
        }
        return s;
    }

    /** @return the plan as a dense n × m array */
    public double[][] toDense() {
        double[][] p = new double[n][m];
        for (int k = 0; k < masses.length; k++) {
            p[rows[k]][cols[k]] += masses[k];
        }
        return p;
    }

    @Override
    public String toString() {
        return "TransportPlan[" + n + " x " + m + ", nonzeros=" + size() + "]";
    }
}
