package io.github.ot4j.gan;

import io.github.ot4j.critic.internal.Arrays2;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.SplittableRandom;

/**
 * A generator G: R<sup>k</sup> → R<sup>d</sup> on a DL4J {@link MultiLayerNetwork}, fed with standard normal
 * noise z ~ N(0, I<sub>k</sub>).
 *
 * <p>The network is any {@code MultiLayerNetwork} of DL4J {@link DenseLayer}s (it ends in a dense layer, not an
 * output layer: the loss comes from the critic), without dropout or weight noise — the rules of the training seam
 * that the critic follows too. The trainer installs the updater and scales the gradients itself, whatever the
 * network's {@code miniBatch} flag.
 */
public final class Generator {

    private final TrainableNetwork network;

    private Generator(TrainableNetwork network) {
        this.network = network;
    }

    /**
     * Builds and initialises the MLP of a spec.
     *
     * @param spec the architecture
     * @return the generator
     */
    public static Generator mlp(GeneratorSpec spec) {
        io.github.ot4j.critic.internal.Nd4jSetup.ensure(); // before nd4j's first use: threads, allocator, backend
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(spec.dataType())
                .weightInit(WeightInit.UNIFORM) // the weights' distribution; LinearInit draws weights and biases
                .updater(new Sgd(0.0))
                .miniBatch(false)
                .list();
        int in = spec.noiseDimension();
        for (int width : spec.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(spec.activation()).build());
            in = width;
        }
        list.layer(new DenseLayer.Builder().nIn(in).nOut(spec.outputDimension())
                .activation(spec.outputActivation()).build());
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        io.github.ot4j.critic.internal.LinearInit.uniformFanIn(network, spec.seed());
        return new Generator(TrainableNetwork.of("network", network));
    }

    /**
     * Wraps a network configured by the user.
     *
     * @param network an initialised network of dense layers
     * @return the generator
     * @throws IllegalArgumentException if the network is not initialised or a layer is not a {@link DenseLayer}
     *                                  (an output or loss layer's backpropagation ignores the critic's gradient)
     *                                  or uses dropout or weight noise, naming the layer's index and type
     */
    public static Generator of(MultiLayerNetwork network) {
        return new Generator(TrainableNetwork.of("network", network));
    }

    /** @return the network (live, not a copy) */
    public MultiLayerNetwork network() {
        return network.network();
    }

    /** @return k, the noise dimension */
    public int noiseDimension() {
        return network.inputDimension();
    }

    /** @return d, the output dimension */
    public int outputDimension() {
        return network.outputDimension();
    }

    /** @return the network's floating-point type */
    public DataType dataType() {
        return network.dataType();
    }

    /**
     * Standard normal noise, a pure function of the arguments.
     *
     * @param n    the number of rows, ≥ 1
     * @param seed the seed
     * @return n × k noise in the network's data type
     * @throws ArithmeticException if n·k overflows an int
     */
    public INDArray noise(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1 but is " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int noiseDimension = noiseDimension();
        double[] z = new double[Math.multiplyExact(n, noiseDimension)];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        return Arrays2.matrix(z, n, noiseDimension, dataType()); // = create(z).castTo(type), one native array
    }

    /**
     * G(z) for given noise, in inference mode.
     *
     * @param z n × k noise (cast to the network's data type if needed)
     * @return n × d samples
     * @throws IllegalArgumentException if z is null, not a matrix or does not have k columns
     */
    public INDArray generate(INDArray z) {
        return network.output(network.input("z", z));
    }

    /**
     * Draws n samples G(z), z ~ N(0, I).
     *
     * @param n    the number of samples
     * @param seed the noise's seed
     * @return n × d samples
     */
    public double[][] sample(int n, long seed) {
        return generate(noise(n, seed)).castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
