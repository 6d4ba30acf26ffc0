package io.github.ot4j.gan.internal;

import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.features.RepresentativeFeatures;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The frozen encoder E of {@link RepresentativeFeatures} on the training seam: its pre-training as half of an
 * autoencoder ({@link #pretrain}), the critic's joint input [x; E(x)] ({@link #shown}) and the input gradient of
 * x ↦ f̃([x; E(x)]) ({@link #inputGradient}). After pre-training nothing updates E: no method here calls the
 * updater on it.
 */
public final class Encoder {

    private final TrainableNetwork network;

    private Encoder(TrainableNetwork network) {
        this.network = network;
    }

    /**
     * Wraps an encoder (pre-trained, or restored from a checkpoint).
     *
     * @param network E, d → k
     * @return the encoder
     */
    public static Encoder of(MultiLayerNetwork network) {
        return new Encoder(TrainableNetwork.of("encoder", network));
    }

    /**
     * Builds an autoencoder d → w → k → w → d and trains it on the mean reconstruction error
     * (1/n) Σ ‖x − D(E(x))‖², each update on a fresh batch drawn with seed
     * {@code Seeds.of(seed, 0, Seeds.ENCODER, step)}.
     *
     * @param features  the settings
     * @param data      the real data
     * @param type      the networks' data type
     * @param seed      the run's seed
     * @return the encoder, with the decoder's last reconstruction error
     */
    public static Pretrained pretrain(RepresentativeFeatures features, DataSource data, DataType type, long seed) {
        int d = data.dimension();
        int w = features.hiddenWidth();
        int k = features.codeDimension();
        TrainableNetwork encoder = TrainableNetwork.of("encoder", mlp(d, w, k, Activation.TANH, type,
                Seeds.of(seed, 0, Seeds.ENCODER, -1)));
        TrainableNetwork decoder = TrainableNetwork.of("decoder", mlp(k, w, d, Activation.IDENTITY, type,
                Seeds.of(seed, 0, Seeds.ENCODER, -2)));
        encoder.useUpdater(features.updater());
        decoder.useUpdater(features.updater());
        double error = Double.NaN;
        for (int step = 0; step < features.pretrainSteps(); step++) {
            INDArray x = Nd4j.create(data.sample(features.batchSize(), Seeds.of(seed, 0, Seeds.ENCODER, step)))
                    .castTo(type);
            error = TrainableNetwork.attempt(java.util.List.of(encoder, decoder), () -> {
                INDArray code = encoder.forward(x).dup();
                INDArray difference = decoder.forward(code).sub(x);
                long n = x.rows();
                double value = difference.mul(difference).sumNumber().doubleValue() / n;
                TrainableNetwork.Backward back = decoder.backward(difference.mul(2.0 / n));
                INDArray codeGradient = back.input().dup();
                decoder.apply(back.parameters());
                encoder.apply(encoder.backward(codeGradient).parameters());
                return value;
            });
        }
        return new Pretrained(new Encoder(encoder), error);
    }

    private static MultiLayerNetwork mlp(int in, int width, int out, Activation last, DataType type, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(type).weightInit(WeightInit.XAVIER).biasInit(0.0)
                .updater(new Sgd(0.0)).miniBatch(false).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(width).nOut(out).activation(last).build())
                .build());
        net.init();
        return net;
    }

    /**
     * A pre-trained encoder.
     *
     * @param encoder             E
     * @param reconstructionError the autoencoder's mean ‖x − D(E(x))‖² on its last batch
     */
    public record Pretrained(Encoder encoder, double reconstructionError) {
    }

    /** @return E's network (live) */
    public MultiLayerNetwork network() {
        return network.network();
    }

    /** @return k */
    public int dimension() {
        return network.outputDimension();
    }

    /**
     * E(x), in inference mode.
     *
     * @param x n × d
     * @return n × k
     */
    public INDArray encode(INDArray x) {
        return network.output(x);
    }

    /**
     * [x; E(x)], the critic's input.
     *
     * @param x n × d
     * @return n × (d + k)
     */
    public INDArray shown(INDArray x) {
        INDArray in = network.input("x", x);
        return Nd4j.hstack(in, network.output(in));
    }

    /**
     * The input gradient of Σ ε<sub>i</sub>·f̃([x<sub>i</sub>; E(x<sub>i</sub>)]) with respect to x:
     * g<sub>x</sub> + J<sub>E</sub>(x)ᵀ g<sub>e</sub>, where [g<sub>x</sub>; g<sub>e</sub>] is the critic's input
     * gradient at [x; E(x)]. E's parameters and updater are not touched (its gradient buffer is overwritten).
     *
     * @param critic  the critic's seam, input dimension d + k
     * @param x       n × d
     * @param epsilon n × 1
     * @return n × d
     */
    public INDArray inputGradient(TrainableNetwork critic, INDArray x, INDArray epsilon) {
        INDArray in = network.input("x", x);
        return throughEncoder(in, critic.inputGradient(Nd4j.hstack(in, network.output(in)), epsilon));
    }

    /**
     * g<sub>x</sub> + J<sub>E</sub>(x)ᵀ g<sub>e</sub> from the critic's input gradient [g<sub>x</sub>; g<sub>e</sub>] at
     * [x; E(x)].
     *
     * @param x     n × d
     * @param joint n × (d + k), the critic's input gradient
     * @return n × d
     */
    public INDArray throughEncoder(INDArray x, INDArray joint) {
        INDArray in = network.input("x", x);
        int d = Math.toIntExact(in.columns());
        INDArray gx = joint.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup();
        INDArray ge = joint.get(NDArrayIndex.all(), NDArrayIndex.interval(d, joint.columns())).dup();
        return gx.addi(network.inputGradient(in, ge.castTo(network.dataType())));
    }
}
