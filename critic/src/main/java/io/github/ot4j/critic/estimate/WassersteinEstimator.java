package io.github.ot4j.critic.estimate;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.critic.train.CriticStep;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Estimates the optimal transport cost between two sample sets P and Q with a trained critic and reports it
 * next to ot-core's exact value. Checked on construction; immutable.
 *
 * <p>Per {@link #estimate}: a fresh critic d → hidden → 1 (seeded), {@code iterations} critic iterations of the
 * {@code method}, each on a batch of {@code batchSize} rows drawn without replacement from each set (the full
 * sets when both have exactly that many rows or fewer and are of equal size), then E<sub>P</sub>f − E<sub>Q</sub>f on
 * the full sets, the Lipschitz bounds and the exact value. P plays the real, Q the fake side: the estimate is of
 * W(P, Q) with f large on P.
 *
 * @param method     how the critic is trained
 * @param iterations critic iterations, ≥ 1
 * @param batchSize  rows per side and iteration, ≥ 1
 * @param hidden     the critic's hidden widths
 * @param activation the critic's hidden activation (see {@link CriticSpec})
 * @param dataType   the critic's floating-point type
 */
public record WassersteinEstimator(CriticMethod method, int iterations, int batchSize, int[] hidden,
        Activation activation, DataType dataType) {

    /** Default critic iterations, 2000. */
    public static final int DEFAULT_ITERATIONS = 2000;
    /** Default batch size, 256. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /**
     * Checks and copies the settings.
     *
     * @param method     not null
     * @param iterations ≥ 1
     * @param batchSize  ≥ 1
     * @param hidden     widths ≥ 1
     * @param activation one of {@link CriticSpec#SUPPORTED_ACTIVATIONS}
     * @param dataType   FLOAT or DOUBLE
     */
    public WassersteinEstimator {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1 but is " + iterations);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1 but is " + batchSize);
        }
        new CriticSpec(1, hidden, activation, dataType, 0); // validates the rest
        hidden = hidden.clone();
    }

    /**
     * An estimator with the defaults: 2000 iterations, batches of 256, a float32 critic 64 → 64 with LeakyReLU.
     *
     * @param method how the critic is trained
     * @return the estimator
     */
    public static WassersteinEstimator of(CriticMethod method) {
        return new WassersteinEstimator(method, DEFAULT_ITERATIONS, DEFAULT_BATCH_SIZE, new int[] {64, 64},
                Activation.LEAKYRELU, DataType.FLOAT);
    }

    /**
     * @param newIterations critic iterations ≥ 1
     * @return this estimator with another number of iterations
     */
    public WassersteinEstimator withIterations(int newIterations) {
        return new WassersteinEstimator(method, newIterations, batchSize, hidden, activation, dataType);
    }

    /**
     * @param newBatchSize rows per side and iteration ≥ 1
     * @return this estimator with another batch size
     */
    public WassersteinEstimator withBatchSize(int newBatchSize) {
        return new WassersteinEstimator(method, iterations, newBatchSize, hidden, activation, dataType);
    }

    /**
     * @param newHidden     the hidden widths
     * @param newActivation the hidden activation
     * @param newDataType   the floating-point type
     * @return this estimator with another critic
     */
    public WassersteinEstimator withCritic(int[] newHidden, Activation newActivation, DataType newDataType) {
        return new WassersteinEstimator(method, iterations, batchSize, newHidden, newActivation, newDataType);
    }

    /** @return a copy of the hidden widths */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * Trains a critic on P and Q and reports its estimate next to the exact value.
     *
     * @param p    the samples of P (the "real" side), m × d, finite
     * @param q    the samples of Q (the "fake" side), n × d, finite
     * @param cost the ground cost
     * @param seed the seed of the critic's initialisation, the batches and the enforcer's draws
     * @return the estimate, bounds and exact value
     */
    public WassersteinEstimate estimate(double[][] p, double[][] q, GroundCost cost, long seed) {
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        double exact = OptimalTransport.distance(DiscreteMeasure.uniform(p), DiscreteMeasure.uniform(q), cost);
        return estimate(p, q, cost, seed, exact);
    }

    /**
     * As {@link #estimate(double[][], double[][], GroundCost, long)}, with the exact value already known (for
     * instance when several methods are compared on the same sets): it is reported, not recomputed.
     *
     * @param p     the samples of P (the "real" side), m × d, finite
     * @param q     the samples of Q (the "fake" side), n × d, finite
     * @param cost  the ground cost
     * @param seed  the seed of the critic's initialisation, the batches and the enforcer's draws
     * @param exact the exact optimal transport cost between the uniform measures on p and q under cost
     * @return the estimate, bounds and exact value
     */
    public WassersteinEstimate estimate(double[][] p, double[][] q, GroundCost cost, long seed, double exact) {
        return estimate(p, q, cost, seed, exact, EstimationProgress.NONE);
    }

    /**
     * As {@link #estimate(double[][], double[][], GroundCost, long, double)}, reporting progress after every
     * critic iteration.
     *
     * @param p        the samples of P (the "real" side), m × d, finite
     * @param q        the samples of Q (the "fake" side), n × d, finite
     * @param cost     the ground cost
     * @param seed     the seed of the critic's initialisation, the batches and the enforcer's draws
     * @param exact    the exact optimal transport cost between the uniform measures on p and q under cost
     * @param progress receives each iteration's {@link CriticStep}
     * @return the estimate, bounds and exact value
     * @throws IllegalArgumentException if the method is tied to another cost than {@code cost} (the two-step
     *         method and weight scaling make the critic 1-Lipschitz under their own cost), or an argument is bad
     */
    public WassersteinEstimate estimate(double[][] p, double[][] q, GroundCost cost, long seed, double exact,
            EstimationProgress progress) {
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null (use EstimationProgress.NONE)");
        }
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        boolean tiedToCost = method instanceof CriticMethod.TwoStep
                || method instanceof CriticMethod.Enforced e && e.enforcer() instanceof WeightScaling;
        if (tiedToCost && !method.cost().equals(cost)) {
            throw new IllegalArgumentException("the method " + method.name() + " works under the cost "
                    + method.cost() + " but the distance is estimated under " + cost);
        }
        if (!Double.isFinite(exact) || exact < 0) {
            throw new IllegalArgumentException("exact must be finite and >= 0 but is " + exact);
        }
        DiscreteMeasure mu = DiscreteMeasure.uniform(p);
        DiscreteMeasure nu = DiscreteMeasure.uniform(q);
        if (mu.dimension() != nu.dimension()) {
            throw new IllegalArgumentException("p and q must have the same dimension but have " + mu.dimension()
                    + " and " + nu.dimension());
        }
        Critic critic = Critic.mlp(new CriticSpec(mu.dimension(), hidden, activation, dataType, seed));
        CriticIteration trainer = method.trainer(critic);
        INDArray pAll = critic.batch(p);
        INDArray qAll = critic.batch(q);
        boolean fullBatch = p.length == q.length && p.length <= batchSize;
        int b = Math.min(batchSize, Math.min(p.length, q.length));
        SplittableRandom random = new SplittableRandom(seed);
        int[] pIndex = range(p.length);
        int[] qIndex = range(q.length);
        for (int it = 0; it < iterations; it++) {
            long stepSeed = random.nextLong();
            CriticStep step = fullBatch ? trainer.step(pAll, qAll, stepSeed)
                    : trainer.step(pAll.getRows(sample(pIndex, b, random)), qAll.getRows(sample(qIndex, b, random)),
                            stepSeed);
            progress.iterationDone(it + 1, iterations, step);
        }
        double estimate = critic.meanDifference(pAll, qAll);
        LipschitzBounds bounds = LipschitzBounds.of(critic, p, q, cost);
        return new WassersteinEstimate(method.name(), estimate, exact, bounds, iterations);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** The first k entries of a partial Fisher–Yates shuffle of {@code index} (which it permutes). */
    private static int[] sample(int[] index, int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        return Arrays.copyOf(index, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WassersteinEstimator e && e.method.equals(method) && e.iterations == iterations
                && e.batchSize == batchSize && Arrays.equals(e.hidden, hidden) && e.activation == activation
                && e.dataType == dataType;
    }

    @Override
    public int hashCode() {
        return (((method.hashCode() * 31 + iterations) * 31 + batchSize) * 31 + Arrays.hashCode(hidden)) * 31
                + java.util.Objects.hash(activation, dataType);
    }

    @Override
    public String toString() {
        return "WassersteinEstimator[method=" + method + ", iterations=" + iterations + ", batchSize="
                + batchSize + ", hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", dataType="
                + dataType + "]";
    }
}
