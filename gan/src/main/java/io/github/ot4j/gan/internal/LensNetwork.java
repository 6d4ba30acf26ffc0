package io.github.ot4j.gan.internal;

import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.lens.TemperingLens;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The lens L(x) = x + N(x) of a {@link TemperingLens} run, on the training seam: what the critic sees of a real
 * batch ({@link #apply}) and the lens's update on λ·L<sub>adv</sub> + L<sub>rec</sub> ({@link #update}).
 */
public final class LensNetwork {

    /**
     * The value of one lens update.
     *
     * @param lambda         λ(t)
     * @param adversarial    L<sub>adv</sub>'s first term, (1/n) Σ f(L(x<sub>i</sub>))
     * @param reconstruction L<sub>rec</sub> = (1/n) Σ ‖x<sub>i</sub> − L(x<sub>i</sub>)‖²
     */
    public record Update(double lambda, double adversarial, double reconstruction) {
    }

    private final TemperingLens lens;
    private final TrainableNetwork network;

    private LensNetwork(TemperingLens lens, TrainableNetwork network) {
        this.lens = lens;
        this.network = network;
    }

    /**
     * A fresh residual lens, the identity at the start (N's output layer is zero).
     *
     * @param lens      the lens's settings
     * @param dimension d, the data dimension
     * @param type      the networks' data type
     * @param seed      the initialisation seed
     * @return the lens
     */
    public static LensNetwork create(TemperingLens lens, int dimension, DataType type, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(type).weightInit(WeightInit.XAVIER).biasInit(0.0)
                .updater(new Sgd(0.0)).miniBatch(false).list();
        int in = dimension;
        for (int k = 0; k < lens.hiddenLayers(); k++) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(lens.hiddenWidth()).activation(Activation.TANH).build());
            in = lens.hiddenWidth();
        }
        list.layer(new DenseLayer.Builder().nIn(in).nOut(dimension).activation(Activation.IDENTITY)
                .weightInit(WeightInit.ZERO).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return of(lens, net);
    }

    /**
     * Wraps a lens network restored from a checkpoint (or built by {@link #create}), installing the lens's updater
     * (kept with its state if it is already installed).
     *
     * @param lens    the lens's settings
     * @param network N, d → d
     * @return the lens
     * @throws IllegalArgumentException if N does not map R<sup>d</sup> to R<sup>d</sup> or is not trainable
     */
    public static LensNetwork of(TemperingLens lens, MultiLayerNetwork network) {
        TrainableNetwork view = TrainableNetwork.of("lens", network);
        if (view.inputDimension() != view.outputDimension()) {
            throw new IllegalArgumentException("the lens network must map R^d to R^d but has input dimension "
                    + view.inputDimension() + " and output dimension " + view.outputDimension());
        }
        view.useUpdater(lens.updater());
        return new LensNetwork(lens, view);
    }

    /** @return the training seam of N (for the step's atomic attempt) */
    public TrainableNetwork seam() {
        return network;
    }

    /** @return d */
    public int dimension() {
        return network.inputDimension();
    }

    /**
     * L(x) = x + N(x), in inference mode.
     *
     * @param real n × d real rows
     * @return n × d, what the critic is shown
     */
    public INDArray apply(INDArray real) {
        INDArray x = network.input("real", real);
        return x.add(network.output(x));
    }

    /**
     * One update of N on L<sub>L</sub> = λ(t)·(1/n) Σ f(L(x<sub>i</sub>)) + (1/n) Σ ‖N(x<sub>i</sub>)‖² (the
     * fake term of L<sub>adv</sub> does not depend on L): ∂L<sub>L</sub>/∂L(x<sub>i</sub>) =
     * (λ/n)·∇f(L(x<sub>i</sub>)) + (2/n)·N(x<sub>i</sub>), backpropagated through N. The critic's parameters are not
     * touched (its gradient buffer is overwritten).
     *
     * @param real   n × d real rows
     * @param critic the critic as a function of the data
     * @param t      generator steps done, for λ(t)
     * @return λ, the adversarial and reconstruction terms before the update
     */
    public Update update(INDArray real, CriticView critic, long t) {
        INDArray x = network.input("real", real);
        long n = x.rows();
        double lambda = lens.lambda(t);
        INDArray residual = network.output(x);
        INDArray lensed = x.add(residual);
        double adversarial = critic.values(lensed).meanNumber().doubleValue();
        double reconstruction = residual.mul(residual).sumNumber().doubleValue() / n;
        INDArray epsilon = residual.mul(2.0 / n);
        if (lambda > 0) {
            INDArray weights = Nd4j.valueArrayOf(new long[] {n, 1}, lambda / n, critic.dataType());
            epsilon.addi(critic.inputGradient(lensed, weights).castTo(epsilon.dataType()));
        }
        network.forward(x); // training mode: N keeps its layers' inputs for the backward pass
        Gradient gradient = network.backward(epsilon).parameters();
        network.apply(gradient);
        return new Update(lambda, adversarial, reconstruction);
    }
}
