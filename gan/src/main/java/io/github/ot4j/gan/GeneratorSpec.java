package io.github.ot4j.gan;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;

/**
 * The shape of a dense MLP generator G: R<sup>k</sup> → R<sup>d</sup>, z ~ N(0, I<sub>k</sub>):
 * k → hidden[0] → … → hidden[L−1] → d, with {@code activation} after every hidden layer and
 * {@code outputActivation} after the last. Weights and biases start uniform in ±1/√fan-in, drawn from the seed
 * (PyTorch's default for linear layers).
 *
 * @param noiseDimension   k, the dimension of the noise z, ≥ 1
 * @param hidden           the widths of the hidden layers, each ≥ 1 (may be empty)
 * @param outputDimension  d, the dimension of the data, ≥ 1
 * @param activation       the hidden layers' activation
 * @param outputActivation the output activation: {@code IDENTITY} for unbounded data, {@code TANH} for data in
 *                         [−1, 1] such as {@link io.github.ot4j.gan.data.Digits}
 * @param dataType         {@code FLOAT} or {@code DOUBLE}
 * @param seed             the seed of the initial weights
 */
public record GeneratorSpec(int noiseDimension, int[] hidden, int outputDimension, Activation activation,
                            Activation outputActivation, DataType dataType, long seed) {

    /**
     * @param noiseDimension   k ≥ 1
     * @param hidden           hidden widths, each ≥ 1; copied
     * @param outputDimension  d ≥ 1
     * @param activation       the hidden activation
     * @param outputActivation the output activation
     * @param dataType         {@code FLOAT} or {@code DOUBLE}
     * @param seed             the weights' seed
     */
    public GeneratorSpec {
        if (noiseDimension < 1) {
            throw new IllegalArgumentException("noiseDimension must be at least 1 but is " + noiseDimension);
        }
        if (outputDimension < 1) {
            throw new IllegalArgumentException("outputDimension must be at least 1 but is " + outputDimension);
        }
        if (hidden == null) {
            throw new IllegalArgumentException("hidden must not be null");
        }
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "] must be at least 1 but is " + hidden[i]);
            }
        }
        if (activation == null || outputActivation == null) {
            throw new IllegalArgumentException("activation and outputActivation must not be null");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE but is " + dataType);
        }
    }

    /**
     * The generator of the WGAN-GP reference code for 2-D toys: 2 → 512 → 512 → 512 → 2, ReLU, identity output,
     * float32.
     *
     * @param seed the weights' seed
     * @return the spec
     */
    public static GeneratorSpec toy2d(long seed) {
        return new GeneratorSpec(2, new int[] {512, 512, 512}, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, seed);
    }

    /**
     * A vector-data default: k → w → w → w → d with ReLU, float32.
     *
     * @param noiseDimension   k
     * @param width            w, the hidden width
     * @param outputDimension  d
     * @param outputActivation identity or tanh
     * @param seed             the weights' seed
     * @return the spec
     */
    public static GeneratorSpec mlp(int noiseDimension, int width, int outputDimension, Activation outputActivation,
                                    long seed) {
        return new GeneratorSpec(noiseDimension, new int[] {width, width, width}, outputDimension, Activation.RELU,
                outputActivation, DataType.FLOAT, seed);
    }

    /**
     * The same spec with another data type.
     *
     * @param type {@code FLOAT} or {@code DOUBLE}
     * @return the changed copy
     */
    public GeneratorSpec withDataType(DataType type) {
        return new GeneratorSpec(noiseDimension, hidden, outputDimension, activation, outputActivation, type, seed);
    }

    /** @return a copy of the hidden widths */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratorSpec s && noiseDimension == s.noiseDimension
                && Arrays.equals(hidden, s.hidden) && outputDimension == s.outputDimension
                && activation == s.activation && outputActivation == s.outputActivation && dataType == s.dataType
                && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + java.util.Objects.hash(noiseDimension, outputDimension, activation,
                outputActivation, dataType, seed);
    }

    @Override
    public String toString() {
        return "GeneratorSpec[" + noiseDimension + " -> " + Arrays.toString(hidden) + " -> " + outputDimension
                + ", " + activation + "/" + outputActivation + ", " + dataType + ", seed=" + seed + "]";
    }
}
