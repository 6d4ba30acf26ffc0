package io.github.ot4j.critic.estimate;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.train.CriticMethod;

/**
 * A critic trained by a {@link WassersteinEstimator} on one pair of sample sets, its estimate there, and the
 * same reading on other sets ({@link #readOn}), for instance a fresh sample of the same distributions. Not
 * thread-safe (the critic is not).
 */
public final class FittedCritic {

    private final WassersteinEstimator estimator;
    private final Critic critic;
    private final GroundCost cost;
    WassersteinEstimate estimate;

    FittedCritic(WassersteinEstimator estimator, Critic critic, GroundCost cost) {
        this.estimator = estimator;
        this.critic = critic;
        this.cost = cost;
    }

    /** @return the trained critic (live: changing it changes {@link #readOn}) */
    public Critic critic() {
        return critic;
    }

    /** @return the estimate on the training sets */
    public WassersteinEstimate estimate() {
        return estimate;
    }

    /**
     * The estimator's reading of W<sub>c</sub>(P', Q') from this critic on two other sets (the c-transform
     * reading for the two-step method; otherwise the larger of mean difference / max(1, slope measured on
     * P' × Q') and the c-transform reading), a lower
     * bound on W<sub>c</sub>(P', Q') either way.
     *
     * @param p P' (the real side)
     * @param q Q' (the fake side)
     * @return the reading, in the cost's units
     */
    public double readOn(DiscreteMeasure p, DiscreteMeasure q) {
        if (p == null || q == null) {
            throw new IllegalArgumentException("p and q must not be null");
        }
        double[] fp = values(p);
        double[] fq = values(q);
        return read(p, fp, q, fq, DualReading.maxSlope(p, fp, q, fq, cost));
    }

    double read(DiscreteMeasure p, double[] fp, DiscreteMeasure q, double[] fq, double slope) {
        if (estimator.method() instanceof CriticMethod.TwoStep) {
            return DualReading.cTransform(p, fp, q, fq, cost);
        }
        // two feasible dual values on the sample: the larger is still a lower bound on W
        return Math.max(DualReading.meanDifference(p, fp, q, fq) / Math.max(1.0, slope),
                DualReading.cTransform(p, fp, q, fq, cost));
    }

    double[] values(DiscreteMeasure mu) {
        return Arrays2.vector(critic.values(critic.batch(mu.points())));
    }
}
