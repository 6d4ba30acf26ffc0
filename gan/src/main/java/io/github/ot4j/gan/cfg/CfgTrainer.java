package io.github.ot4j.gan.cfg;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.NonFiniteException;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.TrainingDivergedException;
import io.github.ot4j.gan.checkpoint.Checkpoint;
import io.github.ot4j.gan.checkpoint.RunSettings;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.internal.Seeds;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trains a generator by composite functional gradients (xICFG, see {@link CfgConfig} for the equations): a logistic
 * discriminator D, a generator network G̃ and the pending functional steps, each a frozen copy of D at its stage,
 * so that the current generator is G(z) = (I + η∇D<sub>T'</sub>) ∘ … ∘ (I + η∇D<sub>1</sub>)(G̃(z)), T' &lt; T.
 *
 * <p>Randomness as in the WGAN trainer: every draw is seeded by a pure function of (seed, stage, draw); a
 * {@link #checkpoint()} holds G̃, D (with updater state), the pending steps' networks ({@code move00000}, …), the
 * stage and the settings, and a resumed trainer continues bit-identically. A stage is atomic: if it fails (a
 * non-finite loss, gradient or parameter: {@link TrainingDivergedException}), both networks and the pending steps
 * are as before it. Not thread-safe.
 */
public final class CfgTrainer {

    private static final String MOVE = "move";

    private final CfgConfig config;
    private final Generator generator;
    private final Critic discriminator;
    private final TrainableNetwork generatorNet;
    private final TrainableNetwork discriminatorNet;
    private final DataSource data;
    private final long seed;
    private List<TrainableNetwork> moves;
    /** Copies of D reused as functional steps (cloning a DL4J network per stage costs more than the stage). */
    private final List<TrainableNetwork> pool = new ArrayList<>();
    private long iteration;

    private CfgTrainer(CfgConfig config, Generator generator, Critic discriminator, DataSource data, long seed,
                       long iteration, List<MultiLayerNetwork> pending) {
        if (config == null || generator == null || discriminator == null || data == null) {
            throw new IllegalArgumentException("config, generator, discriminator and data must not be null");
        }
        if (generator.outputDimension() != data.dimension()) {
            throw new IllegalArgumentException("the generator's output dimension " + generator.outputDimension()
                    + " does not match the data dimension " + data.dimension());
        }
        if (discriminator.inputDimension() != data.dimension()) {
            throw new IllegalArgumentException("the discriminator's input dimension "
                    + discriminator.inputDimension() + " does not match the data dimension " + data.dimension());
        }
        if (generator.dataType() != discriminator.dataType()) {
            throw new IllegalArgumentException("the generator's data type " + generator.dataType()
                    + " differs from the discriminator's " + discriminator.dataType());
        }
        if (generator.network() == discriminator.network()) {
            throw new IllegalArgumentException("generator and discriminator must be distinct networks");
        }
        if (pending.size() >= config.stages()) {
            throw new IllegalArgumentException("a run with stages = " + config.stages() + " cannot have "
                    + pending.size() + " pending functional steps");
        }
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.data = data;
        this.seed = seed;
        this.iteration = iteration;
        this.generatorNet = TrainableNetwork.of("generator", generator.network());
        generatorNet.useUpdater(config.generatorUpdater());
        this.discriminatorNet = TrainableNetwork.of("discriminator", discriminator.network());
        discriminatorNet.useUpdater(config.discriminatorUpdater());
        this.moves = new ArrayList<>();
        for (MultiLayerNetwork move : pending) {
            moves.add(TrainableNetwork.of("functional step", move));
        }
        pool.addAll(moves);
    }

    /**
     * A trainer at stage 0, installing the configuration's updaters.
     *
     * @param config        the configuration
     * @param generator     G̃, output dimension d
     * @param discriminator D, input dimension d, one output (a logit), same data type
     * @param data          the real data
     * @param seed          the run's seed
     * @return the trainer
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public static CfgTrainer create(CfgConfig config, Generator generator, Critic discriminator, DataSource data,
                                    long seed) {
        return new CfgTrainer(config, generator, discriminator, data, seed, 0, List.of());
    }

    /**
     * A trainer continuing from a checkpoint of {@link #checkpoint()}.
     *
     * @param checkpoint the checkpoint
     * @param config     the configuration the run used
     * @param data       the same data source
     * @return the trainer
     * @throws IllegalArgumentException naming the first setting that differs from the checkpointed run's
     */
    public static CfgTrainer resume(Checkpoint checkpoint, CfgConfig config, DataSource data) {
        if (checkpoint == null || config == null) {
            throw new IllegalArgumentException("checkpoint and config must not be null");
        }
        Optional<String> difference = RunSettings.of(config).firstDifference(checkpoint.settings());
        if (difference.isPresent()) {
            throw new IllegalArgumentException("the configuration differs from the checkpointed run's: "
                    + difference.get() + "; resuming would not continue that run");
        }
        List<Map.Entry<String, MultiLayerNetwork>> entries = new ArrayList<>(checkpoint.networks().entrySet());
        for (Map.Entry<String, MultiLayerNetwork> entry : entries) {
            if (!entry.getKey().matches(MOVE + "[0-9]+")) {
                throw new IllegalArgumentException("a CFG checkpoint holds functional steps only, not "
                        + entry.getKey());
            }
        }
        entries.sort(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(MOVE.length()))));
        List<MultiLayerNetwork> pending = new ArrayList<>();
        entries.forEach(e -> pending.add(e.getValue()));
        return new CfgTrainer(config, Generator.of(checkpoint.generator()), Critic.of(checkpoint.critic()), data,
                checkpoint.seed(), checkpoint.iteration(), pending);
    }

    /**
     * One stage: U discriminator updates, one functional step, and the distillation if T steps are pending.
     *
     * @return what it did
     * @throws TrainingDivergedException if a loss, gradient or parameter is not finite (nothing then changes)
     */
    public CfgStep step() {
        long stage = iteration + 1;
        List<TrainableNetwork> before = new ArrayList<>(moves);
        try {
            CfgStep done = TrainableNetwork.attempt(List.of(generatorNet, discriminatorNet), this::uncheckedStep);
            iteration = stage;
            return done;
        } catch (NonFiniteException e) {
            moves = before;
            throw new TrainingDivergedException(stage, e.network() + " " + e.quantity(), e.problem(), e);
        } catch (RuntimeException | Error e) {
            moves = before;
            throw e;
        }
    }

    private CfgStep uncheckedStep() {
        long stage = iteration + 1;
        int b = config.batchSize();
        double loss = Double.NaN;
        INDArray fake = null;
        for (int k = 0; k < config.discriminatorSteps(); k++) {
            INDArray real = rows(data.sample(b, Seeds.of(seed, iteration, Seeds.REAL, k)));
            guard(stage, "real data", Finite.problem(real));
            fake = generate(generator.noise(b, Seeds.of(seed, iteration, Seeds.CRITIC_NOISE, k)));
            guard(stage, "generator output", Finite.problem(fake));
            loss = updateDiscriminator(stage, real, fake);
        }
        TrainableNetwork move = frozenCopy(moves.size());
        moves.add(move);
        INDArray step = direction(move, fake).muli(config.eta());
        double meanMove = 0;
        for (int j = 0; j < step.rows(); j++) {
            meanMove += step.getRow(j).norm2Number().doubleValue() / step.rows();
        }
        double distillation = moves.size() == config.stages() ? distill(stage) : Double.NaN;
        return new CfgStep(stage, loss, meanMove, distillation);
    }

    /**
     * One discriminator update on L<sub>D</sub>: with a = D(x*), c = D(G(z)), ∂L<sub>D</sub>/∂a<sub>i</sub> =
     * −σ(−a<sub>i</sub>)/n and ∂L<sub>D</sub>/∂c<sub>j</sub> = σ(c<sub>j</sub>)/m.
     *
     * @return L<sub>D</sub> before the update
     */
    double updateDiscriminator(long stage, INDArray real, INDArray fake) {
        int n = Math.toIntExact(real.rows());
        int m = Math.toIntExact(fake.rows());
        double[] values = discriminatorNet.forward(Nd4j.vstack(real, fake)).castTo(DataType.DOUBLE).toDoubleVector();
        double[] epsilon = new double[n + m];
        double loss = 0;
        for (int i = 0; i < n + m; i++) {
            double v = i < n ? -values[i] : values[i];
            double weight = i < n ? 1.0 / n : 1.0 / m;
            loss += weight * softplus(v);
            epsilon[i] = (i < n ? -1 : 1) * weight * sigmoid(v);
        }
        guard(stage, "discriminator loss", Finite.problem(loss));
        var gradient = discriminatorNet.backward(Nd4j.create(epsilon, new long[] {n + m, 1}, DataType.DOUBLE))
                .parameters();
        guard(stage, "discriminator gradient", Finite.problem(gradient.gradient()));
        discriminatorNet.apply(gradient);
        return loss;
    }

    /** D's current parameters in the pool's k-th network (a slot no pending step uses: k = moves.size()). */
    private TrainableNetwork frozenCopy(int k) {
        if (k == pool.size()) {
            pool.add(TrainableNetwork.of("functional step", discriminatorNet.network().clone()));
        } else {
            pool.get(k).network().params().assign(discriminatorNet.network().params());
        }
        return pool.get(k);
    }

    /** Distils the composite into G̃ and clears the pending steps; returns the last epoch's mean loss. */
    private double distill(long stage) {
        int b = config.batchSize();
        int batches = config.stages();
        INDArray[] noise = new INDArray[batches];
        INDArray[] targets = new INDArray[batches];
        for (int j = 0; j < batches; j++) {
            noise[j] = generator.noise(b, Seeds.of(seed, iteration, Seeds.GENERATOR_NOISE, j));
            targets[j] = generate(noise[j]);
        }
        double last = 0;
        for (int epoch = 0; epoch < config.distillEpochs(); epoch++) {
            last = 0;
            for (int j = 0; j < batches; j++) {
                INDArray difference = generatorNet.forward(noise[j]).sub(targets[j]);
                double loss = 0.5 * difference.mul(difference).sumNumber().doubleValue() / b;
                guard(stage, "distillation loss", Finite.problem(loss));
                last += loss / batches;
                var gradient = generatorNet.backward(difference.divi(b)).parameters();
                guard(stage, "generator gradient", Finite.problem(gradient.gradient()));
                generatorNet.apply(gradient);
            }
        }
        moves = new ArrayList<>();
        return last;
    }

    /**
     * The current generator on given noise: G̃(z), then each pending functional step x ← x + η∇D<sub>t</sub>(x).
     *
     * @param z n × k noise
     * @return n × d samples
     */
    public INDArray generate(INDArray z) {
        INDArray x = generator.generate(z);
        for (TrainableNetwork move : moves) {
            x = x.add(direction(move, x).muli(config.eta()));
        }
        return x;
    }

    /**
     * Draws n samples of the current generator.
     *
     * @param n    the number of samples
     * @param seed the noise's seed
     * @return n × d samples
     */
    public double[][] sample(int n, long seed) {
        return generate(generator.noise(n, seed)).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /**
     * g(x) = ∇D(x) of the discriminator as it is now (s ≡ 1), no parameter changes.
     *
     * @param x n × d points
     * @return n × d
     */
    public INDArray discriminatorGradient(INDArray x) {
        return direction(discriminatorNet, x);
    }

    private static INDArray direction(TrainableNetwork d, INDArray x) {
        return d.inputGradient(x, Nd4j.ones(d.dataType(), x.rows(), 1));
    }

    private INDArray rows(double[][] points) {
        return Arrays2.matrix(points, discriminator.dataType());
    }

    private static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    private static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    private static void guard(long stage, String quantity, String problem) {
        if (problem != null) {
            throw new TrainingDivergedException(stage, quantity, problem, null);
        }
    }

    /**
     * The current state, referring to the live networks (write it with
     * {@link io.github.ot4j.gan.checkpoint.CheckpointFile#write}).
     *
     * @return G̃ and D with their updaters, the pending functional steps, the stage, the seed and the settings
     */
    public Checkpoint checkpoint() {
        Map<String, MultiLayerNetwork> pending = new TreeMap<>();
        for (int t = 0; t < moves.size(); t++) {
            pending.put(String.format("%s%05d", MOVE, t), moves.get(t).network());
        }
        return new Checkpoint(generator.network(), discriminator.network(), iteration, seed, RunSettings.of(config),
                pending);
    }

    /** @return functional steps taken since the last distillation, in [0, T) */
    public int pendingSteps() {
        return moves.size();
    }

    /** @return stages done */
    public long iteration() {
        return iteration;
    }

    /** @return the configuration */
    public CfgConfig config() {
        return config;
    }

    /** @return G̃, the generator network (without the pending steps) */
    public Generator generator() {
        return generator;
    }

    /** @return D */
    public Critic discriminator() {
        return discriminator;
    }
}
