package io.github.ot4j.gan.internal;

import io.github.ot4j.critic.internal.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The critic as a function of a data point x: f(x) = f̃(x) for a plain critic, f(x) = f̃([x; E(x)]) with a frozen
 * {@link Encoder}'s representative features. The one place where the WGAN trainer (critic batches, generator
 * gradient) and the tempering lens turn a batch of data into the critic network's input and chain the gradient back.
 */
public final class CriticView {

    private final TrainableNetwork critic;
    private final Encoder encoder;

    private CriticView(TrainableNetwork critic, Encoder encoder) {
        this.critic = critic;
        this.encoder = encoder;
    }

    /**
     * @param critic  the critic network's seam
     * @param encoder the frozen encoder, or {@code null} for none
     * @return the view
     */
    public static CriticView of(TrainableNetwork critic, Encoder encoder) {
        return new CriticView(critic, encoder);
    }

    /**
     * @param x n × d data rows (cast to the critic's type)
     * @return the critic network's input, x or [x; E(x)]
     */
    public INDArray shown(INDArray x) {
        INDArray in = x.dataType() == critic.dataType() ? x : x.castTo(critic.dataType());
        return encoder == null ? in : encoder.shown(in);
    }

    /**
     * @param x n × d data rows
     * @return f(x), n × 1, in inference mode
     */
    public INDArray values(INDArray x) {
        return critic.output(shown(x));
    }

    /**
     * @param x       n × d data rows
     * @param epsilon n × 1 weights
     * @return the gradient of Σ ε<sub>i</sub> f(x<sub>i</sub>) with respect to x, n × d (no parameter changes)
     */
    public INDArray inputGradient(INDArray x, INDArray epsilon) {
        INDArray in = x.dataType() == critic.dataType() ? x : x.castTo(critic.dataType());
        return encoder == null ? critic.inputGradient(in, epsilon) : encoder.inputGradient(critic, in, epsilon);
    }

    /**
     * f(x) in training mode, keeping each layer's input so that {@link #backwardInput} reuses this pass.
     *
     * @param x n × d data rows
     * @return f(x), n × 1
     */
    public INDArray forward(INDArray x) {
        return critic.forward(shown(x));
    }

    /**
     * The input gradient of Σ ε<sub>i</sub> f(x<sub>i</sub>) after {@link #forward forward(x)}, from that pass.
     *
     * @param x       the n × d rows last passed to {@link #forward}
     * @param epsilon n × 1 weights
     * @return n × d (no parameter changes)
     */
    public INDArray backwardInput(INDArray x, INDArray epsilon) {
        INDArray joint = critic.backward(epsilon).input();
        return encoder == null ? joint : encoder.throughEncoder(x.castTo(critic.dataType()), joint);
    }

    /** @return the critic network's floating-point type */
    public org.nd4j.linalg.api.buffer.DataType dataType() {
        return critic.dataType();
    }
}
