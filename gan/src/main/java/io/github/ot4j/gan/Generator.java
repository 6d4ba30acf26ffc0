package io.github.ot4j.gan;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.SplittableRandom;

/**
 * A generator G: R<sup>k</sup> → R<sup>d</sup> on a DL4J {@link MultiLayerNetwork}, fed with standard normal
 * noise z ~ N(0, I<sub>k</sub>).
 *
 * <p>The network is any feed-forward {@code MultiLayerNetwork} whose layers are dense (it ends in a
 * {@link DenseLayer}, not an output layer: the loss comes from the critic). For training it must be configured
 * with {@code miniBatch(false)}: the trainer scales its gradients itself. The trainer sets the updater.
 */
public final class Generator {

    private final MultiLayerNetwork network;
    private final int noiseDimension;
    private final int outputDimension;

    private Generator(MultiLayerNetwork network) {
        this.network = network;
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        int layers = conf.getConfs().size();
        for (int k = 0; k < layers; k++) {
            Layer layer = conf.getConf(k).getLayer();
            if (layer instanceof BaseOutputLayer || layer instanceof LossLayer) {
                throw new IllegalArgumentException("network layer " + k + " is an output layer ("
                        + layer.getClass().getSimpleName() + "), whose backpropagation ignores the critic's "
                        + "gradient: end the generator with a DenseLayer");
            }
            if (layer.getIDropout() != null) {
                throw new IllegalArgumentException("network layer " + k + " (" + layer.getClass().getSimpleName()
                        + ") has dropout, which the generator's gradient step does not support");
            }
        }
        this.noiseDimension = (int) feedForward(conf.getConf(0).getLayer(), 0).getNIn();
        this.outputDimension = (int) feedForward(conf.getConf(layers - 1).getLayer(), layers - 1).getNOut();
    }

    private static FeedForwardLayer feedForward(Layer layer, int index) {
        if (!(layer instanceof FeedForwardLayer f)) {
            throw new IllegalArgumentException("network layer " + index + " must be a feed-forward layer but is "
                    + layer.getClass().getSimpleName());
        }
        return f;
    }

    /**
     * Builds and initialises the MLP of a spec.
     *
     * @param spec the architecture
     * @return the generator
     */
    public static Generator mlp(GeneratorSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(spec.dataType())
                .weightInit(WeightInit.UNIFORM)
                .biasInit(0.0)
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
        return new Generator(network);
    }

    /**
     * Wraps a network configured by the user.
     *
     * @param network an initialised feed-forward network of dense layers, {@code miniBatch(false)}
     * @return the generator
     * @throws IllegalArgumentException if a layer is an output or loss layer (their backpropagation ignores the
     *                                  critic's gradient) or has dropout, naming the layer's index and type
     */
    public static Generator of(MultiLayerNetwork network) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        if (network.params() == null) {
            throw new IllegalArgumentException("network must be initialised (call init()) first");
        }
        if (network.getLayerWiseConfigurations().getConf(0).isMiniBatch()) {
            throw new IllegalArgumentException("network must be configured with miniBatch(false): the trainer "
                    + "scales its gradients by the batch size itself");
        }
        return new Generator(network);
    }

    /** @return the network (live, not a copy) */
    public MultiLayerNetwork network() {
        return network;
    }

    /** @return k, the noise dimension */
    public int noiseDimension() {
        return noiseDimension;
    }

    /** @return d, the output dimension */
    public int outputDimension() {
        return outputDimension;
    }

    /** @return the network's floating-point type */
    public DataType dataType() {
        return network.params().dataType();
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
        double[] z = new double[Math.multiplyExact(n, noiseDimension)];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, noiseDimension}, DataType.DOUBLE).castTo(dataType());
    }

    /**
     * G(z) for given noise, in inference mode.
     *
     * @param z n × k noise
     * @return n × d samples
     * @throws IllegalArgumentException if z is null, not a matrix or does not have k columns
     */
    public INDArray generate(INDArray z) {
        if (z == null) {
            throw new IllegalArgumentException("z must not be null");
        }
        if (z.rank() != 2 || z.columns() != noiseDimension) {
            throw new IllegalArgumentException("z must be an n × " + noiseDimension + " matrix but has shape "
                    + java.util.Arrays.toString(z.shape()));
        }
        return network.output(z, false);
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
