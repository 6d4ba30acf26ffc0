package io.github.ot4j.critic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.ot4j.critic.internal.AtomicFile;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A critic f: R<sup>d</sup> → R, a fully connected DeepLearning4j {@link MultiLayerNetwork}: dense layers
 * z<sub>k</sub> = a<sub>k</sub>W<sub>k</sub> + b<sub>k</sub>, a<sub>k+1</sub> = φ<sub>k</sub>(z<sub>k</sub>), the
 * last one an identity dense layer with one output, so f(x) = z<sub>L−1</sub>. Points are rows: a batch is an
 * n × d matrix, its values an n × 1 column.
 *
 * <p>What a user does with a critic: build one ({@link #mlp}) or wrap a configured network ({@link #of}); train
 * it with a {@code io.github.ot4j.critic.train.CriticTrainer} or {@code TwoStepCriticTrainer}; evaluate it
 * ({@link #values}, {@link #meanDifference}); bound its Lipschitz constant
 * ({@code io.github.ot4j.critic.bounds.LipschitzBounds.of(critic, p, q, cost)}); {@link #save} and {@link #load}
 * it. The network itself is {@link #network()}: its parameters and the updater state that the trainers keep in the
 * network's own DL4J updater are the critic's, so saving the critic saves a training. Not thread-safe (neither is
 * the network).
 */
public final class Critic {

    private final TrainableNetwork net;

    private Critic(TrainableNetwork net) {
        this.net = net;
    }

    /**
     * A new, initialised fully connected critic of the given shape, {@code miniBatch(false)}, its weights and
     * biases drawn from U(±1/√fan-in) with the spec's seed as PyTorch's {@code nn.Linear} starts
     * ({@code LinearInit}). Its updater is a placeholder ({@link NoOp}): the trainers install theirs.
     *
     * <p>Note: DL4J seeds its global nd4j random generator from {@code spec.seed()} while initialising the
     * weights; the weights depend on the seed only.
     *
     * @param spec the shape, activation, data type and seed
     * @return the critic
     */
    public static Critic mlp(CriticSpec spec) {
        io.github.ot4j.critic.internal.Nd4jSetup.ensure(); // before nd4j's first use: threads, allocator, backend
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(spec.dataType())
                .weightInit(WeightInit.UNIFORM) // the weights' distribution; LinearInit draws weights and biases
                .updater(new NoOp())
                .miniBatch(false)
                .list();
        int previous = spec.inputDim();
        int index = 0;
        for (int width : spec.hidden()) {
            list.layer(index++, new DenseLayer.Builder().nIn(previous).nOut(width)
                    .activation(spec.activation()).build());
            previous = width;
        }
        list.layer(index, new DenseLayer.Builder().nIn(previous).nOut(1).activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        io.github.ot4j.critic.internal.LinearInit.uniformFanIn(net, spec.seed());
        return new Critic(TrainableNetwork.of("net", net));
    }

    /**
     * Wraps a user-configured network, which must be initialised and made of DL4J {@link DenseLayer}s only
     * (no DL4J output or loss layer; no dropout or weight noise; no layer normalisation and no
     * L1/L2/weight-decay regularisation, which the enforcers' algebra and the Lipschitz bounds do not model), the
     * last with one output and the identity activation. The ot4j trainers do not depend on its
     * {@code miniBatch} flag.
     *
     * @param net the network, initialised
     * @return the critic viewing {@code net}
     * @throws IllegalArgumentException if the network is not such a critic, naming the layer
     */
    public static Critic of(MultiLayerNetwork net) {
        TrainableNetwork trainable = TrainableNetwork.of("net", net);
        for (int k = 0; k < trainable.layerCount(); k++) {
            DenseLayer dense = trainable.layer(k);
            if (dense.hasLayerNorm()) {
                throw new IllegalArgumentException("net layer " + k + " must not use layer normalisation");
            }
            if (!isEmpty(dense.getRegularization()) || !isEmpty(dense.getRegularizationBias())) {
                throw new IllegalArgumentException("net layer " + k + " must not use L1/L2/weight-decay "
                        + "regularisation but uses " + dense.getRegularization() + " on weights and "
                        + dense.getRegularizationBias() + " on biases");
            }
        }
        DenseLayer last = trainable.layer(trainable.layerCount() - 1);
        if (last.getNOut() != 1) {
            throw new IllegalArgumentException("net's last layer must have nOut = 1 but has " + last.getNOut());
        }
        if (!(last.getActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("net's last layer must use the identity activation but uses "
                    + last.getActivationFn());
        }
        return new Critic(trainable);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /**
     * Reads a critic saved by {@link #save}, with its updater state (a training continues exactly).
     *
     * @param file the file
     * @return the critic
     * @throws IOException naming the file if it is missing, not a saved network or not a critic
     */
    public static Critic load(Path file) throws IOException {
        io.github.ot4j.critic.internal.Nd4jSetup.ensure(); // before nd4j's first use: threads, allocator, backend
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a saved critic: " + (Files.exists(file) ? "not a regular file"
                    : "it does not exist"));
        }
        MultiLayerNetwork network;
        try (InputStream in = Files.newInputStream(file)) {
            network = ModelSerializer.restoreMultiLayerNetwork(in, true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a saved critic (damaged or of another format): " + e, e);
        }
        try {
            return of(network);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds a network that is not a critic: " + e.getMessage(), e);
        }
    }

    /**
     * Saves the network with its updater state (DL4J's {@code ModelSerializer} format), replacing the file
     * atomically: a crash mid-write leaves the previous file intact.
     *
     * @param file the file; its folder is created if missing
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        AtomicFile.write(file, out -> ModelSerializer.writeModel(net.network(), out, true));
    }

    /**
     * The critic's values f(x<sub>i</sub>), without changing any state.
     *
     * @param x the points, n × d (cast to the network's data type if needed)
     * @return f(x), n × 1
     * @throws IllegalArgumentException if x is not n × d with n ≥ 1
     */
    public INDArray values(INDArray x) {
        return net.output(x);
    }

    /**
     * The critic's estimate of the transport distance between two batches: mean<sub>i</sub> f(y<sub>i</sub>) −
     * mean<sub>j</sub> f(x<sub>j</sub>) (by Kantorovich–Rubinstein duality a lower bound on W<sub>1</sub>(y, x)
     * when f is 1-Lipschitz), without changing any state.
     *
     * @param real the points y, m × d
     * @param fake the points x, n × d
     * @return mean f(y) − mean f(x), in the cost's units
     * @throws IllegalArgumentException if a batch is not of d columns and at least one row
     */
    public double meanDifference(INDArray real, INDArray fake) {
        double y = net.output(net.input("real", real)).meanNumber().doubleValue();
        return y - net.output(net.input("fake", fake)).meanNumber().doubleValue();
    }

    /**
     * Converts rows of doubles into a batch in the network's data type.
     *
     * @param points n ≥ 1 rows of length d, finite
     * @return the n × d matrix
     * @throws IllegalArgumentException naming the row and entry if {@code points} is null or empty, or a row is
     *         null, not of length d or has a non-finite entry
     */
    public INDArray batch(double[][] points) {
        return net.batch("points", points);
    }

    /** @return the network this critic views (its parameters and updater state are the critic's) */
    public MultiLayerNetwork network() {
        return net.network();
    }

    /** @return d, the dimension of the points */
    public int inputDimension() {
        return net.inputDimension();
    }

    /** @return the network's floating-point type */
    public DataType dataType() {
        return net.dataType();
    }

    @Override
    public String toString() {
        return "Critic[d=" + inputDimension() + ", layers=" + net.layerCount() + ", " + dataType() + "]";
    }
}
