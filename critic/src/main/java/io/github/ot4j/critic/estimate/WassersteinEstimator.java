package io.github.ot4j.critic.estimate;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.bounds.LipschitzBounds;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.critic.train.CriticStep;
import io.github.ot4j.critic.train.CriticTrainer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Estimates the optimal transport cost W<sub>c</sub>(P, Q) between two sample sets with a trained critic and
 * reports it next to ot-core's exact value, with the training's diagnostics. Checked on construction; immutable;
 * seeded and deterministic. P plays the real, Q the fake side: f is large on P.
 *
 * <p>Per {@link #estimate}, a fresh critic d → hidden → 1 (seeded), then by method:
 * <ul>
 *   <li><b>two-step</b> ({@link CriticMethod.TwoStep}, the recommended estimator): the exact problem on the whole
 *       sample is solved once (ot-core), the critic is regressed onto the centred optimal potentials
 *       (T = u on P, −v on Q) by full-batch descent to convergence ({@link PotentialRegression}: residual plateau,
 *       budget {@code iterations}), and the value is read through the c-transform
 *       ({@link DualReading#cTransform}): f on one side, its c-transform on the other, a feasible dual pair,
 *       so the estimate is ≤ W<sub>c</sub> of the sample for every critic and equal to it for the exact
 *       potential. The method's own n<sub>r</sub> and weight scaling are GAN settings and are not used here.</li>
 *   <li><b>WGAN loss</b> ({@link CriticMethod.Enforced}): {@link CriticTrainer} iterations on full batches (or
 *       batches of {@code batchSize} rows per side when a set is larger) until the dual objective
 *       mean f(P) − mean f(Q) − penalty reaches a plateau ({@link #PLATEAU} per {@link #WINDOW} iterations) or
 *       the budget is spent; the value is the larger of two feasible dual values on the sample:
 *       (mean f(P) − mean f(Q)) / max(1, s), with s the largest slope |f(y) − f(x)| / c(y, x) measured over the
 *       sample pairs, and the c-transform reading of f. A fully trained penalised critic is steeper than 1
 *       (maximising s·W − λ(s − 1)² gives s ≈ 1 + W/(2λ)); dividing by the measured slope removes that
 *       overshoot, but the largest slope over all pairs is often an outlier above the slope along the transport
 *       pairs (measured: −10 % in 8-D), which the c-transform reading does not suffer from. Both f/max(1, s) and
 *       (f, f<sup>c</sup>) satisfy every dual constraint on the sample, so this estimate is ≤ W of
 *       the sample too. Clipping and spectral normalisation keep s &lt; 1 and stay biased low.</li>
 * </ul>
 * Either way {@link WassersteinEstimate#normalizedEstimate()} (mean difference / certified Lipschitz bound) is
 * a certified lower bound.
 *
 * @param method     how the critic is trained (its updater is used as is: {@link #of} installs the estimation
 *                   updater)
 * @param iterations the budget of full-batch updates, ≥ 1
 * @param batchSize  rows per side and iteration of the WGAN-loss methods when a set is larger, ≥ 1
 * @param hidden     the critic's hidden widths
 * @param activation the critic's hidden activation (see {@link CriticSpec})
 * @param dataType   the critic's floating-point type
 */
public record WassersteinEstimator(CriticMethod method, int iterations, int batchSize, int[] hidden,
        Activation activation, DataType dataType) {

    /** Default budget of updates, 4000 (the stopping rules usually end training earlier). */
    public static final int DEFAULT_ITERATIONS = 4000;
    /** Default batch size, 1024: sets up to that size are trained on full batches. */
    public static final int DEFAULT_BATCH_SIZE = 1024;
    /** Iterations between dual-objective checks of the WGAN-loss methods, 100. */
    public static final int WINDOW = 100;
    /** Relative dual-objective improvement per window below which training stops, 0.5 %. */
    public static final double PLATEAU = 0.005;
    /** Iterations before the plateau test applies, 800. */
    public static final int MIN_ITERATIONS = 800;
    /** Rows a side of the fixed weighted draw on which the plateau of a weighted pair is checked, 2048. */
    public static final int EVALUATION_ROWS = 2048;
    /** Per-update decay of the estimation learning rates: a factor 100 over 4000 updates. */
    public static final double LEARNING_RATE_DECAY = Math.pow(0.01, 1.0 / 4000);

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
     * An estimator with the defaults: a budget of 4000 updates, full batches up to 1024 rows, a float32 critic
     * 64 → 64 with LeakyReLU, and the method's updater replaced by {@link #estimationUpdater}.
     *
     * @param method how the critic is trained
     * @return the estimator
     */
    public static WassersteinEstimator of(CriticMethod method) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        return new WassersteinEstimator(method.withUpdater(estimationUpdater(method)), DEFAULT_ITERATIONS,
                DEFAULT_BATCH_SIZE, new int[] {64, 64}, Activation.LEAKYRELU, DataType.FLOAT);
    }

    /**
     * The updater chosen for estimation (not for GAN training, whose critic chases a moving target): for the
     * two-step regression Adam(5·10<sup>−3</sup>, 0.9, 0.999), for the penalties and spectral normalisation
     * Adam(10<sup>−3</sup>, 0.5, 0.9), both decaying by {@link #LEARNING_RATE_DECAY} per update (a factor 100
     * over the default budget); clipping and weight scaling keep their method's updater.
     *
     * @param method the method
     * @return the updater
     */
    public static IUpdater estimationUpdater(CriticMethod method) {
        if (method instanceof CriticMethod.TwoStep) {
            return Adam.builder().learningRateSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 5e-3,
                    LEARNING_RATE_DECAY)).beta1(0.9).beta2(0.999).epsilon(1e-8).build();
        }
        if (method instanceof CriticMethod.Enforced e && (e.enforcer() instanceof GradientPenalty
                || e.enforcer() instanceof OneSidedGradientPenalty || e.enforcer() instanceof SpectralNormalization)) {
            return Adam.builder().learningRateSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 1e-3,
                    LEARNING_RATE_DECAY)).beta1(0.5).beta2(0.9).epsilon(1e-8).build();
        }
        return method.updater();
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
        return fit(measure("p", p), measure("q", q), cost, seed, Double.NaN, EstimationProgress.NONE).estimate();
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
     * critic iteration of the WGAN-loss methods (the potential regression reports none).
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
        if (!Double.isFinite(exact) || exact < 0) {
            throw new IllegalArgumentException("exact must be finite and >= 0 but is " + exact);
        }
        return fit(measure("p", p), measure("q", q), cost, seed, exact, progress).estimate();
    }

    /**
     * Trains a critic on two weighted sample sets and keeps it, to read it on other samples
     * ({@link FittedCritic#readOn}). Unequal weights: the two-step method regresses onto the weighted problem's
     * potentials; the WGAN-loss methods (whose {@link io.github.ot4j.critic.train.CriticTrainer} averages rows
     * uniformly) draw each batch's rows with replacement with probabilities a<sub>i</sub> / Σ a and
     * b<sub>j</sub> / Σ b, {@code min(batchSize, max(m, n))} rows a side, so that the expected batch objective is the
     * weighted one, Σ a<sub>i</sub> f(y<sub>i</sub>) − Σ b<sub>j</sub> f(x<sub>j</sub>) − penalty over pairs drawn
     * from a ⊗ b; the plateau is checked on one fixed weighted draw of {@link #EVALUATION_ROWS} rows a side. Every
     * reading (mean difference, slope, c-transform) uses the weights.
     *
     * @param p        P (the "real" side)
     * @param q        Q (the "fake" side), of the same dimension
     * @param cost     the ground cost
     * @param seed     the seed of the critic's initialisation, the batches and the enforcer's draws
     * @param exact    W<sub>c</sub>(P, Q) if known, or NaN to have it solved
     * @param progress receives each iteration's {@link CriticStep} (WGAN-loss methods)
     * @return the trained critic and its estimate
     */
    public FittedCritic fit(DiscreteMeasure p, DiscreteMeasure q, GroundCost cost, long seed, double exact,
            EstimationProgress progress) {
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null (use EstimationProgress.NONE)");
        }
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        if (p == null || q == null) {
            throw new IllegalArgumentException("p and q must not be null");
        }
        boolean tiedToCost = method instanceof CriticMethod.TwoStep
                || method instanceof CriticMethod.Enforced e && e.enforcer() instanceof WeightScaling;
        if (tiedToCost && !method.cost().equals(cost)) {
            throw new IllegalArgumentException("the method " + method.name() + " works under the cost "
                    + method.cost() + " but the distance is estimated under " + cost);
        }
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("p and q must have the same dimension but have " + p.dimension()
                    + " and " + q.dimension());
        }
        if (!Double.isNaN(exact) && (!Double.isFinite(exact) || exact < 0)) {
            throw new IllegalArgumentException("exact must be finite and >= 0 (or NaN) but is " + exact);
        }
        long start = System.nanoTime();
        Critic critic = Critic.mlp(new CriticSpec(p.dimension(), hidden, activation, dataType, seed));
        int done;
        boolean converged;
        double objective;
        if (method instanceof CriticMethod.TwoStep) {
            TransportResult solved = ExactSolvers.defaultSolver().solve(p, q, cost);
            if (Double.isNaN(exact)) {
                exact = solved.value();
            }
            double[] fit = fitPotentials(critic, p, q, solved.potentials());
            done = (int) fit[0];
            objective = fit[1];
            converged = fit[2] > 0;
        } else {
            if (Double.isNaN(exact)) {
                exact = OptimalTransport.distance(p, q, cost);
            }
            double[] fit = train(critic, p, q, seed, progress);
            done = (int) fit[0];
            objective = fit[1];
            converged = fit[2] > 0;
        }
        FittedCritic fitted = new FittedCritic(this, critic, cost);
        double[] fp = fitted.values(p);
        double[] fq = fitted.values(q);
        double slope = DualReading.maxSlope(p, fp, q, fq, cost);
        double reading = fitted.read(p, fp, q, fq, slope);
        LipschitzBounds bounds = new LipschitzBounds(slope, LipschitzBounds.certifiedUpper(critic));
        double seconds = (System.nanoTime() - start) * 1e-9;
        fitted.estimate = new WassersteinEstimate(method.name(), reading, DualReading.meanDifference(p, fp, q, fq),
                exact, bounds, new EstimationDiagnostics(done, iterations, converged, objective, slope, seconds));
        return fitted;
    }

    /** Two-step: regress onto the exact, centred potentials of the whole sample (T = u on P, −v on Q). */
    private double[] fitPotentials(Critic critic, DiscreteMeasure p, DiscreteMeasure q, Potentials potentials) {
        double[] u = potentials.u();
        double[] v = potentials.v();
        int m = p.size();
        int n = q.size();
        double[][] points = new double[m + n][];
        double[] targets = new double[m + n];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            points[i] = p.point(i);
            targets[i] = u[i];
            mean += u[i] / (m + n);
        }
        for (int j = 0; j < n; j++) {
            points[m + j] = q.point(j);
            targets[m + j] = -v[j];
            mean -= v[j] / (m + n);
        }
        for (int k = 0; k < m + n; k++) {
            targets[k] -= mean;
        }
        return PotentialRegression.fit(critic, points, targets, method.updater(), iterations);
    }

    /**
     * WGAN loss: full batches (or batches of {@code batchSize}) until the dual objective mean f(P) − mean f(Q) −
     * penalty, measured on the full sets (a fixed weighted draw of them for unequal weights) every {@link #WINDOW}
     * iterations with a fixed seed, has improved by less
     * than {@link #PLATEAU} of its size over a window (after {@link #MIN_ITERATIONS}), or the budget is spent.
     */
    private double[] train(Critic critic, DiscreteMeasure pm, DiscreteMeasure qm, long seed,
            EstimationProgress progress) {
        double[][] p = pm.points();
        double[][] q = qm.points();
        CriticIteration trainer = method.trainer(critic);
        INDArray pRows = critic.batch(p);
        INDArray qRows = critic.batch(q);
        INDArray pAll = pRows;
        INDArray qAll = qRows;
        boolean weighted = !uniform(pm) || !uniform(qm);
        boolean fullBatch = !weighted && p.length <= batchSize && q.length <= batchSize;
        int b = weighted ? Math.min(batchSize, Math.max(p.length, q.length))
                : Math.min(batchSize, Math.min(p.length, q.length));
        SplittableRandom random = new SplittableRandom(seed);
        long evaluationSeed = random.nextLong();
        int[] pIndex = range(p.length);
        int[] qIndex = range(q.length);
        double[] pCumulative = cumulative(pm);
        double[] qCumulative = cumulative(qm);
        if (weighted) {
            SplittableRandom draw = new SplittableRandom(evaluationSeed);
            pAll = pRows.getRows(draw(pCumulative, EVALUATION_ROWS, draw));
            qAll = qRows.getRows(draw(qCumulative, EVALUATION_ROWS, draw));
        }
        double previous = Double.NEGATIVE_INFINITY;
        double objective = Double.NaN;
        int it = 0;
        while (it < iterations) {
            long stepSeed = random.nextLong();
            CriticStep step;
            if (fullBatch) {
                step = trainer.step(pAll, qAll, stepSeed);
            } else if (weighted) {
                step = trainer.step(pRows.getRows(draw(pCumulative, b, random)),
                        qRows.getRows(draw(qCumulative, b, random)), stepSeed);
            } else {
                step = trainer.step(pRows.getRows(sample(pIndex, b, random)),
                        qRows.getRows(sample(qIndex, b, random)), stepSeed);
            }
            it++;
            progress.iterationDone(it, iterations, step);
            if (it % WINDOW == 0 && trainer instanceof CriticTrainer t) {
                objective = -t.loss(pAll, qAll, evaluationSeed);
                if (it >= MIN_ITERATIONS && objective - previous < PLATEAU * Math.abs(objective)) {
                    return new double[] {it, objective, 1};
                }
                previous = objective;
            }
        }
        if (trainer instanceof CriticTrainer t) {
            objective = -t.loss(pAll, qAll, evaluationSeed);
        }
        return new double[] {it, objective, 0};
    }

    /** The running sums of the weights (the last is the total mass). */
    private static double[] cumulative(DiscreteMeasure mu) {
        double[] c = new double[mu.size()];
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += mu.weight(i);
            c[i] = s;
        }
        return c;
    }

    /** k row indices drawn with replacement with probabilities weight / total (inverse transform). */
    private static int[] draw(double[] cumulative, int k, SplittableRandom random) {
        double total = cumulative[cumulative.length - 1];
        int[] rows = new int[k];
        for (int r = 0; r < k; r++) {
            double u = random.nextDouble() * total;
            int i = Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i : -i - 1;
            while (i < cumulative.length - 1 && cumulative[i] <= u) {
                i++; // the first row whose running sum exceeds u: never a row of weight 0
            }
            rows[r] = i;
        }
        return rows;
    }

    private static boolean uniform(DiscreteMeasure mu) {
        double w = mu.weight(0);
        for (int i = 1; i < mu.size(); i++) {
            if (Math.abs(mu.weight(i) - w) > 1e-12 * Math.abs(w)) {
                return false;
            }
        }
        return true;
    }

    private static DiscreteMeasure measure(String name, double[][] points) {
        if (points == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return DiscreteMeasure.uniform(points);
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
