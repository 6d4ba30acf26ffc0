package io.github.ot4j.critic.estimate;

import io.github.ot4j.core.CTransform;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;

/**
 * Readings of a transport cost from a critic's values on two weighted sample sets P = Σ a<sub>i</sub>δ(y<sub>i</sub>)
 * and Q = Σ b<sub>j</sub>δ(x<sub>j</sub>) (f large on P).
 *
 * <p>The c-transform reading (Mallasto, Montúfar, Gerolin 2019): with f<sub>i</sub> = f(y<sub>i</sub>) on P, the
 * smallest value on Q that keeps every constraint f(y<sub>i</sub>) − h(x<sub>j</sub>) ≤ c(y<sub>i</sub>, x<sub>j</sub>)
 * is h(x<sub>j</sub>) = max<sub>i</sub> f<sub>i</sub> − c<sub>ij</sub>, so (f, h) is feasible for the dual of the
 * discrete problem and Σ a<sub>i</sub> f<sub>i</sub> − Σ b<sub>j</sub> h<sub>j</sub> ≤ W<sub>c</sub>(P, Q) for every
 * f, with equality for the optimal potential. Symmetrically from the values g<sub>j</sub> = f(x<sub>j</sub>) on Q:
 * k(y<sub>i</sub>) = min<sub>j</sub> g<sub>j</sub> + c<sub>ij</sub>. {@link #cTransform} returns the larger of the two
 * lower bounds, computed by ot-core's {@link CTransform} (u = f on P, v = −f on Q). O(m·n) cost evaluations; no
 * constraint on f is needed.
 */
public final class DualReading {

    private DualReading() {
    }

    /**
     * max(Σ a<sub>i</sub> f<sub>i</sub> − Σ b<sub>j</sub> max<sub>i</sub>(f<sub>i</sub> − c<sub>ij</sub>),
     * Σ a<sub>i</sub> min<sub>j</sub>(g<sub>j</sub> + c<sub>ij</sub>) − Σ b<sub>j</sub> g<sub>j</sub>) over the weights
     * normalised to mass 1: a lower bound on W<sub>c</sub>(P, Q) for any values, in the cost's units.
     *
     * @param p    P, m points
     * @param fp   f on P, length m, finite
     * @param q    Q, n points of the same dimension
     * @param fq   f on Q, length n, finite
     * @param cost the ground cost
     * @return the reading
     */
    public static double cTransform(DiscreteMeasure p, double[] fp, DiscreteMeasure q, double[] fq, GroundCost cost) {
        check(p, fp, "fp");
        check(q, fq, "fq");
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        // u = f on P (the sources), v = −f on Q (the targets): the WGAN sign convention of ot-core's CTransform
        double[] v = new double[fq.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = -fq[j];
        }
        return CTransform.lowerBound(p, fp, q, v, cost);
    }

    /**
     * The oracle's reading of a fresh pair (P, Q): the optimal potential v of a training pair (P′, Q′), extended to
     * any point z by its c-transform through the training points x′<sub>j</sub> of Q′,
     * f(z) = min<sub>j</sub> c(z, x′<sub>j</sub>) − v<sub>j</sub>, and read on (P, Q) with {@link #cTransform}.
     * It is what a critic that is exact on the training pair reads on a fresh pair from the same distributions,
     * the reference for any critic's fresh-sample reading: the exact W<sub>c</sub> of a finite fresh pair holds its
     * own sampling noise, which no potential learnt from other samples can see. Like every reading it is
     * ≤ W<sub>c</sub>(P, Q). O((m + n)·n′) cost evaluations.
     *
     * @param trainedQ the training pair's Q′ (its points; the weights do not enter), n′ points
     * @param v        the optimal potential on Q′ of the training pair's exact problem (P′ the sources, Q′ the
     *                 targets; ot-core's {@code TransportResult.potentials().v()}), length n′
     * @param p        the fresh P
     * @param q        the fresh Q, of the same dimension
     * @param cost     the ground cost of the training problem
     * @return the reading, in the cost's units
     * @throws IllegalArgumentException if v does not match Q′, the dimensions differ or an argument is null
     */
    public static double oracle(DiscreteMeasure trainedQ, double[] v, DiscreteMeasure p, DiscreteMeasure q,
            GroundCost cost) {
        if (trainedQ == null || p == null || q == null || cost == null) {
            throw new IllegalArgumentException("trainedQ, p, q and cost must not be null");
        }
        check(trainedQ, v, "v");
        if (p.dimension() != trainedQ.dimension() || q.dimension() != trainedQ.dimension()) {
            throw new IllegalArgumentException("p, q and trainedQ must have one dimension but have " + p.dimension()
                    + ", " + q.dimension() + " and " + trainedQ.dimension());
        }
        return cTransform(p, CTransform.ofV(CostMatrix.between(p, trainedQ, cost), v), q,
                CTransform.ofV(CostMatrix.between(q, trainedQ, cost), v), cost);
    }

    /**
     * Σ a<sub>i</sub> f<sub>i</sub> − Σ b<sub>j</sub> g<sub>j</sub> over the weights normalised to mass 1.
     *
     * @param p  P
     * @param fp f on P
     * @param q  Q
     * @param fq f on Q
     * @return the weighted mean difference
     */
    public static double meanDifference(DiscreteMeasure p, double[] fp, DiscreteMeasure q, double[] fq) {
        check(p, fp, "fp");
        check(q, fq, "fq");
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += p.weight(i) / p.totalMass() * fp[i];
        }
        for (int j = 0; j < q.size(); j++) {
            s -= q.weight(j) / q.totalMass() * fq[j];
        }
        return s;
    }

    /**
     * The largest slope max |f<sub>i</sub> − g<sub>j</sub>| / c<sub>ij</sub> over the pairs with c &gt; 0 (0 if none).
     *
     * @param p    P
     * @param fp   f on P
     * @param q    Q
     * @param fq   f on Q
     * @param cost the ground cost
     * @return the measured slope, ≥ 0
     */
    public static double maxSlope(DiscreteMeasure p, double[] fp, DiscreteMeasure q, double[] fq, GroundCost cost) {
        check(p, fp, "fp");
        check(q, fq, "fq");
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        double[][] ys = p.points();
        double[][] xs = q.points();
        double best = 0;
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double c = cost.between(ys[i], xs[j]);
                if (c > 0) {
                    best = Math.max(best, Math.abs(fp[i] - fq[j]) / c);
                }
            }
        }
        return best;
    }

    private static void check(DiscreteMeasure mu, double[] f, String name) {
        if (mu == null || f == null) {
            throw new IllegalArgumentException("measures and values must not be null");
        }
        if (f.length != mu.size()) {
            throw new IllegalArgumentException(name + " must have " + mu.size() + " values but has " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but is " + f[i]);
            }
        }
    }
}
