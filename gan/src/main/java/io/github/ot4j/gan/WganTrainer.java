package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.NonFiniteException;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.critic.train.CriticStep;
import io.github.ot4j.critic.train.CriticTrainingException;
import io.github.ot4j.gan.checkpoint.Checkpoint;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.checkpoint.RunSettings;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.features.RepresentativeFeatures;
import io.github.ot4j.gan.internal.CriticView;
import io.github.ot4j.gan.internal.Encoder;
import io.github.ot4j.gan.internal.JacobianPenalty;
import io.github.ot4j.gan.internal.LensNetwork;
import io.github.ot4j.gan.internal.Seeds;
import io.github.ot4j.gan.lens.TemperingLens;
import io.github.ot4j.gan.regularize.JacobianClamping;
import io.github.ot4j.gan.monitor.TrainingListener;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a Wasserstein GAN: a {@link Generator} G against a {@link Critic} f, with the critic trained by a
 * {@link CriticSchedule} (the WGAN loss with any Lipschitz enforcer, or WGAN-TS).
 *
 * <p>One generator step (see {@link #step()}):
 * <ol>
 *   <li>{@code config.critic().steps()} critic iterations of the schedule's {@code CriticMethod}, each on a
 *       fresh real batch y (shown to the critic as L(y) if the configuration has a
 *       {@link io.github.ot4j.gan.lens.TemperingLens}) and a fake batch x = G(z);</li>
 *   <li>(with {@link RepresentativeFeatures} the critic network sees [x; E(x)] for every x, E the frozen encoder
 *       pre-trained when the trainer is created, and the generator's gradient flows through E too;)</li>
 *   <li>with a tempering lens, one update of the lens L on its own fresh real batch (see {@link TemperingLens});</li>
 *   <li>the generator update on L<sub>G</sub> = −(1/n) Σ f(G(z<sub>i</sub>)) + R(G), R the configuration's
 *       {@link io.github.ot4j.gan.regularize.GeneratorRegularizer} (none by default): the critic's input gradient
 *       ∂L<sub>G</sub>/∂x (with ε = −1/n per row) is chained into the generator's backpropagation, and the
 *       generator's DL4J updater takes the step. The critic's parameters and updater state are untouched by it.</li>
 * </ol>
 *
 * <p>Randomness: every draw is seeded by a pure function of (seed, iteration, draw), so the pair is the whole
 * random state; {@link #checkpoint()} captures it with both networks, their updaters and the run's settings, and a
 * trainer {@link #resume resumed} from it with the same settings continues bit-identically (given a reproducible
 * data source and an enforcer without hidden state: spectral normalisation's power-iteration vectors are not
 * checkpointed).
 *
 * <p>Reliability: a NaN or infinity in a loss, a gradient or the parameters stops training with a
 * {@link TrainingDivergedException} naming the iteration and the quantity, before anything is checkpointed;
 * the failed step is rolled back (both networks' parameters, updater state and counters are as before it).
 * Not thread-safe.
 */
public final class WganTrainer {

    private final WganConfig config;
    private final Generator generator;
    private final Critic critic;
    private final TrainableNetwork generatorNet;
    private final TrainableNetwork criticNet;
    private final CriticIteration criticIteration;
    private final DataSource data;
    private final long seed;
    /** The tempering lens, or null without one. */
    private final LensNetwork lens;
    /** The frozen encoder of representative features, or null without one. */
    private final Encoder encoder;
    /** The critic as a function of the data (through the encoder's features if any). */
    private final CriticView criticView;
    private long iteration;

    private WganTrainer(WganConfig config, Generator generator, Critic critic, DataSource data, long seed,
                        long iteration, Map<String, MultiLayerNetwork> networks) {
        if (config == null || generator == null || critic == null || data == null) {
            throw new IllegalArgumentException("config, generator, critic and data must not be null");
        }
        if (generator.outputDimension() != data.dimension()) {
            throw new IllegalArgumentException("the generator's output dimension " + generator.outputDimension()
                    + " does not match the data dimension " + data.dimension());
        }
        if (critic.inputDimension() != data.dimension() + config.features().dimension()) {
            throw new IllegalArgumentException("the critic's input dimension " + critic.inputDimension()
                    + " does not match the data dimension " + data.dimension() + (config.features().dimension() == 0
                    ? "" : " plus the " + config.features().dimension() + " " + config.features().name()
                    + " features"));
        }
        if (generator.dataType() != critic.dataType()) {
            throw new IllegalArgumentException("the generator's data type " + generator.dataType()
                    + " differs from the critic's " + critic.dataType());
        }
        if (generator.network() == critic.network()) {
            throw new IllegalArgumentException("generator and critic must be distinct networks");
        }
        this.config = config;
        this.generator = generator;
        this.critic = critic;
        this.data = data;
        this.seed = seed;
        this.iteration = iteration;
        this.generatorNet = TrainableNetwork.of("generator", generator.network());
        generatorNet.useUpdater(config.generatorUpdater());
        this.criticIteration = config.critic().method().trainer(critic);
        this.criticNet = TrainableNetwork.of("critic", critic.network());
        if (config.lens() instanceof TemperingLens tempering) {
            MultiLayerNetwork lensNetwork = networks.get("lens");
            this.lens = lensNetwork == null ? LensNetwork.create(tempering, data.dimension(), critic.dataType(),
                    Seeds.of(seed, 0, Seeds.LENS_INIT, 0)) : LensNetwork.of(tempering, lensNetwork);
            if (lens.dimension() != data.dimension()) {
                throw new IllegalArgumentException("the lens's dimension " + lens.dimension()
                        + " does not match the data dimension " + data.dimension());
            }
        } else {
            this.lens = null;
        }
        if (config.features() instanceof RepresentativeFeatures representative) {
            MultiLayerNetwork encoderNetwork = networks.get("encoder");
            this.encoder = encoderNetwork == null ? Encoder.pretrain(representative, data, critic.dataType(), seed)
                    .encoder() : Encoder.of(encoderNetwork);
        } else {
            this.encoder = null;
        }
        this.criticView = CriticView.of(criticNet, encoder);
    }

    /**
     * A trainer at iteration 0. Installs the configuration's updaters in both networks (resetting their
     * updater state). Every argument is validated here, before any training.
     *
     * @param config    the configuration
     * @param generator the generator, output dimension d
     * @param critic    the critic, input dimension d, same data type as the generator
     * @param data      the real data, dimension d
     * @param seed      the run's seed
     * @return the trainer
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public static WganTrainer create(WganConfig config, Generator generator, Critic critic, DataSource data,
                                     long seed) {
        return new WganTrainer(config, generator, critic, data, seed, 0, Map.of());
    }

    /**
     * A trainer continuing from a checkpoint: its networks, updater state, iteration and seed.
     *
     * @param checkpoint the checkpoint, for example from {@link CheckpointFile#read}
     * @param config     the configuration the checkpointed run used
     * @param data       the same data source
     * @return the trainer
     * @throws IllegalArgumentException if the configuration differs from the checkpointed run's in any field of
     *                                  its settings ({@link RunSettings}: the critic schedule with its method,
     *                                  enforcer or ground cost and updater, the generator updater, the batch
     *                                  size, the regulariser, the lens, the critic's features), naming the first
     *                                  field that differs and both values; or if the checkpoint lacks the lens or
     *                                  encoder network its settings call for
     */
    public static WganTrainer resume(Checkpoint checkpoint, WganConfig config, DataSource data) {
        io.github.ot4j.critic.internal.Nd4jSetup.ensure(); // before nd4j's first use: threads, allocator, backend
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        Optional<String> difference = RunSettings.of(config).firstDifference(checkpoint.settings());
        if (difference.isPresent()) {
            throw new IllegalArgumentException("the configuration differs from the checkpointed run's: "
                    + difference.get() + "; resuming would not continue that run");
        }
        return new WganTrainer(config, Generator.of(checkpoint.generator()), Critic.of(checkpoint.critic()), data,
                checkpoint.seed(), checkpoint.iteration(), networks(checkpoint, config));
    }

    private static Map<String, MultiLayerNetwork> networks(Checkpoint checkpoint, WganConfig config) {
        boolean lens = config.lens() instanceof TemperingLens;
        boolean encoder = config.features() instanceof RepresentativeFeatures;
        if (checkpoint.networks().containsKey("lens") != lens) {
            throw new IllegalArgumentException("the checkpoint " + (lens ? "has no" : "has a")
                    + " lens network but the configuration's lens is " + config.lens().name());
        }
        if (checkpoint.networks().containsKey("encoder") != encoder) {
            throw new IllegalArgumentException("the checkpoint " + (encoder ? "has no" : "has an")
                    + " encoder network but the configuration's features are " + config.features().name());
        }
        return checkpoint.networks();
    }

    /**
     * One generator step with its critic updates. The step is atomic: if it fails, both networks' parameters,
     * updater state and iteration counters are restored to what they were before it, and the trainer's
     * iteration is not advanced, before the exception is rethrown.
     *
     * @return the step's losses and the critic's estimate
     * @throws TrainingDivergedException if a loss, gradient or parameter is not finite
     */
    public TrainingStep step() {
        long step = iteration + 1;
        try {
            // all-or-nothing over both networks: no critic update of a failed step and no generator update stays
            List<TrainableNetwork> networks = new ArrayList<>(List.of(generatorNet, criticNet));
            if (lens != null) {
                networks.add(lens.seam());
            }
            TrainingStep done = TrainableNetwork.attempt(networks, this::uncheckedStep);
            iteration = step; // only once both networks are committed
            return done;
        } catch (NonFiniteException e) {
            throw new TrainingDivergedException(step, e.network() + " " + e.quantity(), e.problem(), e);
        }
    }

    private TrainingStep uncheckedStep() {
        long step = iteration + 1;
        int batch = config.batchSize();
        CriticStep last = null;
        for (int k = 0; k < config.critic().steps(); k++) {
            INDArray real = rows(realBatch(batch, Seeds.of(seed, iteration, Seeds.REAL, k), step));
            if (lens != null) {
                real = lens.apply(real); // the critic sees L(y)
            }
            INDArray fake = generator.generate(generator.noise(batch, Seeds.of(seed, iteration,
                    Seeds.CRITIC_NOISE, k)));
            guard(step, "generator output", Finite.problem(fake));
            real = criticView.shown(real); // [y; E(y)] with representative features, else y
            fake = criticView.shown(fake);
            try {
                last = criticIteration.step(real, fake, Seeds.of(seed, iteration, Seeds.CRITIC_STEP, k));
            } catch (CriticTrainingException e) {
                throw new TrainingDivergedException(step, "critic " + e.quantity(), "not finite", e);
            }
        }
        if (lens != null) {
            lens.update(rows(realBatch(batch, Seeds.of(seed, iteration, Seeds.LENS, 0), step)), criticView,
                    iteration);
        }
        double generatorLoss = updateGenerator(step);
        return new TrainingStep(step, generatorLoss, last.loss(), last.estimate(), last.penalty());
    }

    private INDArray rows(double[][] points) {
        return Arrays2.matrix(points, critic.dataType());
    }

    private double[][] realBatch(int batch, long drawSeed, long step) {
        double[][] rows = data.sample(batch, drawSeed);
        for (int i = 0; i < rows.length; i++) {
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) {
                    throw new TrainingDivergedException(step, "real data row " + i, Double.isNaN(v) ? "NaN"
                            : "infinity", null);
                }
            }
        }
        return rows;
    }

    /**
     * The generator update through the critic's input gradient, on noise drawn for the current iteration;
     * does not advance the iteration and does not check the parameters (the attempt of {@link #step} does).
     * Package-private for the isolation test.
     *
     * @return the loss before the update, the regulariser's term included
     */
    double updateGenerator(long step) {
        int batch = config.batchSize();
        INDArray z = generator.noise(batch, Seeds.of(seed, iteration, Seeds.GENERATOR_NOISE, 0));
        JacobianPenalty.Result penalty = null;
        if (config.regularizer() instanceof JacobianClamping clamping) {
            // its own forward and backward passes, before the loss's pair below
            penalty = JacobianPenalty.of(clamping, generatorNet, z, JacobianPenalty.perturbations(batch,
                    generator.noiseDimension(), clamping.epsilon(), Seeds.of(seed, iteration,
                    Seeds.GENERATOR_REGULARIZER, 0)));
            guard(step, "generator regularizer", Finite.problem(penalty.value()));
        }
        INDArray fake = generatorNet.forward(z); // training mode, keeping each layer's input for the backward pass
        guard(step, "generator output", Finite.problem(fake));
        // one critic pass for both the loss and the input gradient (training mode computes the same values)
        double loss = -criticView.forward(fake).meanNumber().doubleValue();
        guard(step, "generator loss", Finite.problem(loss));
        INDArray epsilon = Nd4j.valueArrayOf(new long[] {batch, 1}, -1.0 / batch, critic.dataType());
        // not checked on its own: a NaN or infinity here reaches the generator's gradient, which is checked
        INDArray inputGradient = criticView.backwardInput(fake, epsilon);
        Gradient gradient = generatorNet.backward(inputGradient).parameters();
        if (penalty != null) {
            gradient.gradient().addi(penalty.gradient()); // the flattened view: every layer's gradient aliases it
            loss += penalty.value();
        }
        guard(step, "generator gradient", Finite.problem(gradient.gradient()));
        generatorNet.apply(gradient);
        // a finite gradient gives a finite update unless it overflows: the step's attempt checks the parameters
        // once, at its end (each check is a full reduction, which costs more than its arithmetic on small networks)
        return loss;
    }

    private static void guard(long step, String quantity, String problem) {
        if (problem != null) {
            throw new TrainingDivergedException(step, quantity, problem, null);
        }
    }

    /**
     * Trains until the plan's iteration, reporting to the listeners every {@code reportEvery} steps (and at the
     * last one) and writing checkpoints every {@code checkpointEvery} steps and at the end.
     *
     * @param plan      the plan
     * @param listeners the listeners
     * @return the last report, or {@code null} if the trainer was already at the plan's iteration
     * @throws TrainingDivergedException if training diverges (the last checkpoint written stays intact)
     * @throws UncheckedIOException      if a checkpoint cannot be written
     * @throws IllegalArgumentException  before any step, if the plan writes checkpoints but a setting cannot be
     *                                   recorded ({@link RunSettings#of}: a lambda cost, an enforcer that is not a
     *                                   record), or the monitor's dimension is not the data's
     */
    public TrainingReport train(TrainingPlan plan, TrainingListener... listeners) {
        List<TrainingListener> all = List.of(listeners);
        if (plan.monitor() != null && plan.monitor().dimension() != data.dimension()) {
            throw new IllegalArgumentException("the monitor's held-out data have dimension "
                    + plan.monitor().dimension() + " but the data have dimension " + data.dimension());
        }
        if (plan.checkpointFile() != null) {
            RunSettings.of(config); // a setting a checkpoint cannot record fails now, not after hours of training
        }
        long start = System.nanoTime();
        long startIteration = iteration;
        double[] sums = new double[4];
        int count = 0;
        TrainingReport last = null;
        while (iteration < plan.iterations()) {
            TrainingStep s = step();
            sums[0] += s.generatorLoss();
            sums[1] += s.criticLoss();
            sums[2] += s.criticEstimate();
            sums[3] += s.penalty();
            count++;
            boolean end = iteration == plan.iterations();
            if (iteration % plan.reportEvery() == 0 || end) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                double exact = plan.monitor() == null ? Double.NaN : plan.monitor().distance(generator.sample(
                        plan.monitor().generatedSamples(), Seeds.of(seed, iteration, Seeds.MONITOR, 0)));
                last = new TrainingReport(iteration, plan.iterations(), sums[0] / count, sums[1] / count,
                        sums[2] / count, sums[3] / count, exact, elapsed,
                        elapsed > 0 ? (iteration - startIteration) / elapsed : 0.0);
                for (TrainingListener listener : all) {
                    listener.onReport(last);
                }
                java.util.Arrays.fill(sums, 0.0);
                count = 0;
            }
            if (plan.checkpointFile() != null && (iteration % plan.checkpointEvery() == 0 || end)) {
                writeCheckpoint(plan);
            }
        }
        for (TrainingListener listener : all) {
            listener.onFinish(last);
        }
        return last;
    }

    private void writeCheckpoint(TrainingPlan plan) {
        try {
            CheckpointFile.write(plan.checkpointFile(), checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + plan.checkpointFile(), e);
        }
    }

    /**
     * The current state, referring to the live networks (write it with {@link CheckpointFile#write}).
     *
     * @return both networks with their updaters, the iteration, the seed and the settings a resumed run must
     *         repeat
     */
    public Checkpoint checkpoint() {
        return new Checkpoint(generator.network(), critic.network(), iteration, seed, RunSettings.of(config),
                networks());
    }

    /** @return generator steps done */
    public long iteration() {
        return iteration;
    }

    /** @return the run's seed */
    public long seed() {
        return seed;
    }

    /** @return the configuration */
    public WganConfig config() {
        return config;
    }

    /** @return the generator being trained */
    public Generator generator() {
        return generator;
    }

    /** @return the critic being trained */
    public Critic critic() {
        return critic;
    }

    private Map<String, MultiLayerNetwork> networks() {
        Map<String, MultiLayerNetwork> networks = new java.util.TreeMap<>();
        if (lens != null) {
            networks.put("lens", lens.seam().network());
        }
        if (encoder != null) {
            networks.put("encoder", encoder.network());
        }
        return networks;
    }

    /** @return the frozen encoder E of representative features (live), or empty without them */
    public Optional<MultiLayerNetwork> encoderNetwork() {
        return encoder == null ? Optional.empty() : Optional.of(encoder.network());
    }

    /** @return the tempering lens's network N, L(x) = x + N(x) (live), or empty without a lens */
    public Optional<MultiLayerNetwork> lensNetwork() {
        return lens == null ? Optional.empty() : Optional.of(lens.seam().network());
    }

    /** @return the real data */
    public DataSource data() {
        return data;
    }
}
