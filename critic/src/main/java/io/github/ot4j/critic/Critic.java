package io.github.ot4j.critic;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A critic f: R<sup>d</sup> → R, a fully connected DeepLearning4j {@link MultiLayerNetwork}: dense layers
 * z<sub>k</sub> = a<sub>k</sub>W<sub>k</sub> + b<sub>k</sub>, a<sub>k+1</sub> = φ<sub>k</sub>(z<sub>k</sub>), the
 * last one an identity dense layer with one output, so f(x) = z<sub>L−1</sub>. Points are rows: a batch is an
 * n × d matrix, its values an n × 1 column.
 *
 * <p>The critic is a thin view of the network it wraps: the parameters, and the updater state that the trainers
 * keep in the network's own DL4J updater, live in {@link #network()}, so
 * {@code ModelSerializer.writeModel(critic.network(), file, true)} checkpoints both. Not thread-safe (neither is
 * the network).
 */
public final class Critic {

    private final MultiLayerNetwork net;
    private final int inputDimension;
    private final DataType dataType;
    private long forwardRows = -1;

    private Critic(MultiLayerNetwork net) {
        this.net = net;
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        this.dataType = conf.getDataType();
        this.inputDimension = Math.toIntExact(dense(0).getNIn());
    }

    /**
     * A new, initialised fully connected critic of the given shape. Its updater is a placeholder
     * ({@link NoOp}): the trainers install theirs.
     *
     * <p>Note: DL4J seeds its global nd4j random generator from {@code spec.seed()} while initialising the
     * weights; the weights depend on the seed only.
     *
     * @param spec the shape, activation, data type and seed
     * @return the critic
     */
    public static Critic mlp(CriticSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(spec.dataType())
                .weightInit(WeightInit.XAVIER)
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
        return new Critic(net);
    }

    /**
     * Wraps a user-configured network, which must be initialised and made of DL4J {@link DenseLayer}s only
     * (no layer normalisation, no dropout or weight noise, no L1/L2/weight-decay regularisation; no DL4J output
     * or loss layer), the last with one output and the identity activation. Configure it with
     * {@code miniBatch(false)} if you also train it with DL4J's own {@code fit}; the ot4j trainers do not depend
     * on that flag.
     *
     * @param net the network, initialised
     * @return the critic viewing {@code net}
     * @throws IllegalArgumentException if the network is not such a critic
     */
    public static Critic of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("net must not be null");
        }
        if (net.params() == null || net.getLayers() == null) {
            throw new IllegalArgumentException("net must be initialised (call net.init())");
        }
        int n = net.getnLayers();
        if (n < 1) {
            throw new IllegalArgumentException("net must have at least one layer but has " + n);
        }
        for (int k = 0; k < n; k++) {
            Object layer = net.getLayer(k).conf().getLayer();
            if (layer instanceof BaseOutputLayer || layer instanceof LossLayer) {
                throw new IllegalArgumentException("net layer " + k + " must be a DenseLayer but is the output/loss "
                        + "layer " + layer.getClass().getSimpleName() + ", which ignores an external epsilon in "
                        + "backpropagation");
            }
            if (!(layer instanceof DenseLayer dense)) {
                throw new IllegalArgumentException("net layer " + k + " must be a DenseLayer but is "
                        + layer.getClass().getSimpleName());
            }
            if (dense.hasLayerNorm()) {
                throw new IllegalArgumentException("net layer " + k + " must not use layer normalisation");
            }
            if (dense.getIDropout() != null) {
                throw new IllegalArgumentException("net layer " + k + " must not use dropout (it draws from nd4j's "
                        + "global random generator) but uses " + dense.getIDropout());
            }
            if (dense.getWeightNoise() != null) {
                throw new IllegalArgumentException("net layer " + k + " must not use weight noise but uses "
                        + dense.getWeightNoise());
            }
            if (!isEmpty(dense.getRegularization()) || !isEmpty(dense.getRegularizationBias())) {
                throw new IllegalArgumentException("net layer " + k + " must not use L1/L2/weight-decay "
                        + "regularisation but uses " + dense.getRegularization() + " on weights and "
                        + dense.getRegularizationBias() + " on biases");
            }
        }
        DenseLayer last = (DenseLayer) net.getLayer(n - 1).conf().getLayer();
        if (last.getNOut() != 1) {
            throw new IllegalArgumentException("net's last layer must have nOut = 1 but has " + last.getNOut());
        }
        if (!(last.getActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("net's last layer must use the identity activation but uses "
                    + last.getActivationFn());
        }
        return new Critic(net);
    }

    private static boolean isEmpty(java.util.List<?> list) {
        return list == null || list.isEmpty();
    }

    /**
     * The critic's values f(x<sub>i</sub>), without changing any state.
     *
     * @param x the points, n × d (cast to the network's data type if needed)
     * @return f(x), n × 1
     */
    public INDArray values(INDArray x) {
        return net.output(input("x", x), false);
    }

    /**
     * The gradient with respect to the input of Σ<sub>i</sub> ε<sub>i</sub> f(x<sub>i</sub>): row i is
     * ε<sub>i</sub> ∇f(x<sub>i</sub>). A generator chains this into its own backpropagation. The parameters are
     * not touched (the network's gradient buffer is overwritten).
     *
     * @param x       the points, n × d
     * @param epsilon the weights ε, n × 1
     * @return ∂(Σ ε<sub>i</sub> f(x<sub>i</sub>))/∂x, n × d
     */
    public INDArray inputGradient(INDArray x, INDArray epsilon) {
        return backprop(x, epsilon).getSecond();
    }

    /**
     * One backward pass: the gradient of Σ<sub>i</sub> ε<sub>i</sub> f(x<sub>i</sub>) with respect to the
     * parameters (written into the network's flattened gradient view, which the returned {@link Gradient}
     * wraps) and to the input. For trainers; the parameters are not touched.
     *
     * @param x       the points, n × d
     * @param epsilon the weights ε, n × 1
     * @return the parameter gradient and the input gradient (n × d)
     */
    public Pair<Gradient, INDArray> backprop(INDArray x, INDArray epsilon) {
        forward(x);
        return backward(epsilon);
    }

    /**
     * The training-mode forward pass that a following {@link #backward} differentiates: returns f(x) and keeps
     * each layer's input in the network. Trainers that need f(x) to form ε use this pair instead of
     * {@link #values} followed by {@link #backprop}, saving a forward pass.
     *
     * @param x the points, n × d
     * @return f(x), n × 1
     */
    public INDArray forward(INDArray x) {
        INDArray in = input("x", x);
        net.setInput(in);
        forwardRows = in.rows();
        // clearInputs = false: the layers keep their inputs, which DL4J's backward pass reads
        java.util.List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /**
     * The backward pass after {@link #forward}: the gradient of Σ<sub>i</sub> ε<sub>i</sub> f(x<sub>i</sub>) with
     * respect to the parameters (in the network's flattened gradient view) and to the input. Clears the stored
     * layer inputs; call {@link #forward} again before the next backward pass.
     *
     * @param epsilon the weights ε, n × 1 for the n rows of the last forward pass
     * @return the parameter gradient and the input gradient (n × d)
     * @throws IllegalStateException if no forward pass precedes it
     */
    public Pair<Gradient, INDArray> backward(INDArray epsilon) {
        if (forwardRows < 0) {
            throw new IllegalStateException("backward needs a preceding forward pass");
        }
        try {
            if (epsilon == null || epsilon.rank() != 2 || epsilon.rows() != forwardRows || epsilon.columns() != 1) {
                throw new IllegalArgumentException("epsilon must be " + forwardRows + " x 1 but is "
                        + (epsilon == null ? "null" : shape(epsilon)));
            }
            return net.backpropGradient(epsilon.castTo(dataType), LayerWorkspaceMgr.noWorkspaces());
        } finally {
            forwardRows = -1;
            net.clearLayersStates(); // not clear(): that also drops the updater and its state
        }
    }

    /** @return the network this critic views (its parameters and updater state are the critic's) */
    public MultiLayerNetwork network() {
        return net;
    }

    /** @return d, the dimension of the points */
    public int inputDimension() {
        return inputDimension;
    }

    /** @return the network's floating-point type */
    public DataType dataType() {
        return dataType;
    }

    /** @return L, the number of dense layers (hidden layers plus the output layer) */
    public int layerCount() {
        return net.getnLayers();
    }

    /**
     * The weight matrix of a dense layer, a live view into the parameters (writes change the critic).
     *
     * @param k the layer, 0 ≤ k &lt; L
     * @return W<sub>k</sub>, nIn × nOut
     */
    public INDArray weights(int k) {
        return layer(k).getParam("W");
    }

    /**
     * The bias of a dense layer, a live view into the parameters.
     *
     * @param k the layer, 0 ≤ k &lt; L
     * @return b<sub>k</sub>, 1 × nOut, or {@code null} for a layer without bias
     */
    public INDArray bias(int k) {
        return dense(k).hasBias() ? layer(k).getParam("b") : null;
    }

    /**
     * The activation of a dense layer.
     *
     * @param k the layer, 0 ≤ k &lt; L
     * @return φ<sub>k</sub>
     */
    public IActivation activation(int k) {
        return dense(k).getActivationFn();
    }

    /**
     * The gradient of a dense layer's weights inside a gradient returned by {@link #backprop}.
     *
     * @param gradient the gradient
     * @param k        the layer
     * @return ∂/∂W<sub>k</sub>, nIn × nOut, a live view
     */
    public static INDArray weightGradient(Gradient gradient, int k) {
        return gradient.getGradientFor(k + "_W");
    }

    /**
     * Casts and checks a batch of points.
     *
     * @param name the argument's name, for messages
     * @param x    the points
     * @return x as an n × d matrix of the network's data type
     * @throws IllegalArgumentException if x is not n × d with n ≥ 1
     */
    public INDArray input(String name, INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.rank() != 2 || x.columns() != inputDimension || x.rows() < 1) {
            throw new IllegalArgumentException(name + " must be n x " + inputDimension + " with n >= 1 but is "
                    + shape(x));
        }
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    /**
     * Converts rows of doubles into a batch in the network's data type.
     *
     * @param points n ≥ 1 rows of length d, finite
     * @return the n × d matrix
     * @throws IllegalArgumentException if {@code points} is null or empty, or a row is null, not of length d or
     *         has a non-finite entry
     */
    public INDArray batch(double[][] points) {
        return batch("points", points);
    }

    /**
     * Converts rows of doubles into a batch in the network's data type, naming the argument in messages.
     *
     * @param name   the argument's name, for messages
     * @param points n ≥ 1 rows of length d, finite
     * @return the n × d matrix
     * @throws IllegalArgumentException if {@code points} is null or empty, or a row is null, not of length d or
     *         has a non-finite entry
     */
    public INDArray batch(String name, double[][] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row but is "
                    + (points == null ? "null" : "empty"));
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != inputDimension) {
                throw new IllegalArgumentException(name + "[" + i + "] must have length " + inputDimension
                        + " but " + (points[i] == null ? "is null" : "has " + points[i].length));
            }
            for (int j = 0; j < inputDimension; j++) {
                if (!Double.isFinite(points[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite but is "
                            + points[i][j]);
                }
            }
        }
        return Nd4j.create(points).castTo(dataType);
    }

    private Layer layer(int k) {
        if (k < 0 || k >= net.getnLayers()) {
            throw new IllegalArgumentException("k must be in [0, " + net.getnLayers() + ") but is " + k);
        }
        return net.getLayer(k);
    }

    private DenseLayer dense(int k) {
        return (DenseLayer) layer(k).conf().getLayer();
    }

    private static String shape(INDArray a) {
        return java.util.Arrays.toString(a.shape());
    }
}
