package io.github.ot4j.critic.train;

import java.util.Arrays;

import io.github.ot4j.core.CTransform;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.wgants.TwoStepTarget;
import io.github.ot4j.core.wgants.TwoStepTargets;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.NonFiniteException;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.critic.internal.Updaters;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The WGAN-TS critic iteration (Liu, Gu, Samaras, ICML 2018): on a batch of real rows y (m) and fake rows x (n),
 * <ol>
 *   <li>step 1: the exact batch targets T from ot-core ({@link TwoStepTargets}): the optimal potentials of the
 *       batch's transport problem under the cost c, centred by the mean of all m + n targets;</li>
 *   <li>step 2: n<sub>r</sub> regression steps on the mean squared error
 *       (1/(m+n)) Σ (f(z<sub>k</sub>) − T<sub>k</sub>)² over the m + n batch points, each one step of the network's
 *       DL4J updater (default Adam(10<sup>−4</sup>, 0.5, 0.999), n<sub>r</sub> = 5);</li>
 *   <li>weight scaling ({@link WeightScaling}): f ← f/β so that f(y<sub>i</sub>) − f(x<sub>j</sub>) ≤ c<sub>ij</sub> on
 *       the batch.</li>
 * </ol>
 * The reported estimate is the c-transform reading of the batch (Mallasto, Montúfar, Gerolin 2019):
 * R(f) = (1/m) Σ f(y<sub>i</sub>) − (1/n) Σ<sub>j</sub> max<sub>i</sub>(f(y<sub>i</sub>) − c<sub>ij</sub>), the larger
 * of R for the regressed critic (before the scaling) and R for the scaled one. Each is a lower bound on the batch's
 * exact W<sub>c</sub> for any f, since (f, f<sup>c</sup>) is feasible for the batch dual, so the estimate is
 * ≤ {@code lastTarget().distance()}; and it is ≥ the paper's mean difference of the scaled critic (for a critic
 * feasible on the batch, max<sub>i</sub>(f(y<sub>i</sub>) − c<sub>ij</sub>) ≤ f(x<sub>j</sub>)). Why not just the
 * mean difference: weight scaling divides the whole critic by β whenever one tight pair of the plan is misfitted,
 * so in GAN training on 8 Gaussians (batch 64) the scaled critic's mean difference fell to 0.64 of the exact W1
 * by step 400 (0.37 by step 1600) while the regressed critic's reading was 1.02 of it at step 400; the scaling
 * itself (the paper's method) is kept.
 *
 * <p>Cost: the exact solve (whose solver computes the m·n costs from the points), n<sub>r</sub> training passes over
 * the m + n rows, then one inference pass over y and one over x, whose values f(y<sub>i</sub>), f(x<sub>j</sub>)
 * serve all three uses: R of the regressed critic, β (on the batch's m·n costs, computed once per batch and kept
 * with its targets) and R of the scaled critic, which is read from f(y<sub>i</sub>)/β — the values of f/β, not a
 * pass through the divided last layer (in float32 the two differ by rounding, relative 10<sup>−7</sup>; either is
 * a lower bound on the exact W<sub>c</sub>, since R is one for any values).
 *
 * <p>The batch targets and costs are cached: a batch equal to the previous one is not solved again. The whole iteration is one
 * atomic attempt of the critic's {@code TrainableNetwork}: a failed iteration (non-finite loss, gradient or
 * parameters) throws {@link CriticTrainingException} and restores the parameters, updater state and iteration
 * count of before the iteration.
 */
public final class TwoStepCriticTrainer implements CriticIteration {

    /** The paper's number of regression steps per critic iteration, 5. */
    public static final int DEFAULT_REGRESSION_STEPS = 5;

    private final Critic critic;
    private final GroundCost cost;
    private final IUpdater updater;
    private final int regressionSteps;
    private final ExactSolver solver;
    private final TrainableNetwork net;
    /** The last batch: its points, targets, measures and costs (null before the first step). */
    private Batch cached;

    private TwoStepCriticTrainer(Critic critic, GroundCost cost, IUpdater updater, int regressionSteps,
            ExactSolver solver) {
        if (critic == null) {
            throw new IllegalArgumentException("critic must not be null");
        }
        if (cost == null) {
            throw new IllegalArgumentException("cost must not be null");
        }
        Updaters.check("updater", updater);
        if (regressionSteps < 1) {
            throw new IllegalArgumentException("regressionSteps must be >= 1 but is " + regressionSteps);
        }
        if (solver == null) {
            throw new IllegalArgumentException("solver must not be null");
        }
        this.critic = critic;
        this.cost = cost;
        this.updater = updater.clone();
        this.regressionSteps = regressionSteps;
        this.solver = solver;
        this.net = TrainableNetwork.of("critic", critic.network());
        net.useUpdater(updater);
    }

    /**
     * The paper's recipe: n<sub>r</sub> = 5 regression steps of Adam(10<sup>−4</sup>, 0.5, 0.999), the default
     * exact solver.
     *
     * @param critic the critic to train
     * @param cost   the ground cost (the paper uses {@link GroundCost#cityblock()})
     * @return the trainer
     */
    public static TwoStepCriticTrainer of(Critic critic, GroundCost cost) {
        return new TwoStepCriticTrainer(critic, cost, defaultUpdater(), DEFAULT_REGRESSION_STEPS,
                ExactSolvers.defaultSolver());
    }

    /**
     * A trainer with a chosen regression updater and number of regression steps, and the default exact solver.
     *
     * @param critic          the critic to train
     * @param cost            the ground cost
     * @param updater         the DL4J updater of the regression
     * @param regressionSteps n<sub>r</sub> ≥ 1
     * @return the trainer
     */
    public static TwoStepCriticTrainer of(Critic critic, GroundCost cost, IUpdater updater, int regressionSteps) {
        return new TwoStepCriticTrainer(critic, cost, updater, regressionSteps, ExactSolvers.defaultSolver());
    }

    /**
     * A trainer with every part chosen.
     *
     * @param critic          the critic to train
     * @param cost            the ground cost
     * @param updater         the DL4J updater of the regression
     * @param regressionSteps n<sub>r</sub> ≥ 1
     * @param solver          the exact solver of step 1
     * @return the trainer
     */
    public static TwoStepCriticTrainer of(Critic critic, GroundCost cost, IUpdater updater, int regressionSteps,
            ExactSolver solver) {
        return new TwoStepCriticTrainer(critic, cost, updater, regressionSteps, solver);
    }

    /** @return the paper's regression updater, Adam(10<sup>−4</sup>, β<sub>1</sub> = 0.5, β<sub>2</sub> = 0.999) */
    public static IUpdater defaultUpdater() {
        return new Adam(1e-4, 0.5, 0.999, 1e-8);
    }

    /**
     * One WGAN-TS critic iteration. The seed is not used (the iteration is deterministic); it is accepted for
     * the {@link CriticIteration} contract.
     */
    @Override
    public CriticStep step(INDArray real, INDArray fake, long seed) {
        INDArray y = Finite.requireArgument("real", net.input("real", real));
        INDArray x = Finite.requireArgument("fake", net.input("fake", fake));
        Batch b = batch(y, x);
        INDArray rows = Nd4j.vstack(y, x);
        double[] estimate = new double[1];
        try {
            double loss = net.attempt(() -> {
                double mse = Double.NaN;
                for (int s = 0; s < regressionSteps; s++) {
                    INDArray residual = net.forward(rows).sub(b.targets());
                    double norm = residual.norm2Number().doubleValue();
                    mse = Finite.require("loss", norm * norm / rows.rows());
                    Gradient gradient = net.backwardParameters(residual.muli(2.0 / rows.rows()));
                    Finite.require("gradient", gradient.gradient());
                    net.apply(gradient);
                }
                double[] fy = Arrays2.vector(net.output(y));
                double[] fx = Arrays2.vector(net.output(x));
                double regressed = b.reading(fy);
                double beta = WeightScaling.maxRatio(fy, fx, b.costs(), 1.0);
                WeightScaling.divide(critic, beta);
                estimate[0] = beta > 1.0 ? Math.max(regressed, b.reading(divided(fy, beta))) : regressed;
                return mse;
            });
            return new CriticStep(loss, estimate[0], 0.0);
        } catch (NonFiniteException e) {
            throw CriticTrainingException.from(e);
        } catch (IllegalStateException e) {
            // the scaling factor was not finite
            throw new CriticTrainingException("parameters", e.getMessage());
        }
    }

    /**
     * The step-1 targets of the last batch (the exact batch distance is {@code lastTarget().distance()}).
     *
     * @return the targets, or null before the first step
     */
    public TwoStepTarget lastTarget() {
        return cached == null ? null : cached.target();
    }

    /** The batch's targets and costs: the cached ones if the batch equals the previous one, else new ones. */
    private Batch batch(INDArray yIn, INDArray xIn) {
        double[][] real = Arrays2.rows(yIn);
        double[][] fake = Arrays2.rows(xIn);
        if (cached == null || !Arrays.deepEquals(real, cached.real()) || !Arrays.deepEquals(fake, cached.fake())) {
            TwoStepTarget target = TwoStepTargets.compute(real, fake, cost, solver);
            DiscreteMeasure y = DiscreteMeasure.uniform(real);
            DiscreteMeasure x = DiscreteMeasure.uniform(fake);
            INDArray t = Nd4j.vstack(column(target.real()), column(target.fake()));
            cached = new Batch(real, fake, target, t, y, x, CostMatrix.between(y, x, cost).dense());
        }
        return cached;
    }

    /** @return f<sub>i</sub>/β for every i, in a new array */
    private static double[] divided(double[] f, double beta) {
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = f[i] / beta;
        }
        return g;
    }

    /**
     * One batch and what is computed once for it.
     *
     * @param real    the real rows y<sub>i</sub>
     * @param fake    the fake rows x<sub>j</sub>
     * @param target  the step-1 targets
     * @param targets the targets as one (m + n) × 1 column in the critic's data type, real rows first
     * @param y       the real batch as a uniform measure
     * @param x       the fake batch as a uniform measure
     * @param costs   c<sub>ij</sub> = c(y<sub>i</sub>, x<sub>j</sub>), m × n, stored
     */
    private record Batch(double[][] real, double[][] fake, TwoStepTarget target, INDArray targets,
            DiscreteMeasure y, DiscreteMeasure x, CostMatrix costs) {

        /**
         * The c-transform reading of critic values u<sub>i</sub> = f(y<sub>i</sub>) on the batch (uniform
         * weights): (1/m) Σ u<sub>i</sub> + (1/n) Σ<sub>j</sub> u<sup>c</sup><sub>j</sub>,
         * u<sup>c</sup><sub>j</sub> = min<sub>i</sub> c<sub>ij</sub> − u<sub>i</sub> (ot-core's
         * {@link CTransform#ofU}): a lower bound on the batch's exact W<sub>c</sub> for any u (the pair
         * (u, u<sup>c</sup>) is dual-feasible), equal to it for the exact potentials.
         */
        double reading(double[] u) {
            return CTransform.dualValue(y, u, x, CTransform.ofU(costs, u));
        }
    }

    private INDArray column(double[] values) {
        return Nd4j.createFromArray(values).castTo(critic.dataType()).reshape(values.length, 1);
    }

    @Override
    public Critic critic() {
        return critic;
    }

    /** @return the ground cost of the targets and the scaling */
    public GroundCost cost() {
        return cost;
    }

    /** @return n<sub>r</sub>, the regression steps per iteration */
    public int regressionSteps() {
        return regressionSteps;
    }

    /** @return the regression's updater configuration */
    public IUpdater updater() {
        return updater.clone();
    }
}
