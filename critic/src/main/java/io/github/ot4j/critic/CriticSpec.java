package io.github.ot4j.critic;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The shape of a fully connected critic f: R<sup>d</sup> → R: {@code inputDim} inputs, dense hidden layers
 * of the given widths, each followed by {@code activation}, and a final identity dense layer with one output.
 * Checked on construction.
 *
 * <p>The activations supported are the piecewise-linear, 1-Lipschitz ones ({@link Activation#RELU},
 * {@link Activation#LEAKYRELU}, {@link Activation#IDENTITY}): for them the certified Lipschitz bound (product of
 * spectral norms) holds and the gradient penalty's weight gradient is computed exactly.
 *
 * @param inputDim   d, the dimension of the points, ≥ 1
 * @param hidden     the widths of the hidden layers, each ≥ 1 (may be empty: a linear critic)
 * @param activation the hidden layers' activation
 * @param dataType   the network's floating-point type: {@link DataType#FLOAT} (the default for users) or
 *                   {@link DataType#DOUBLE} (what the tests use)
 * @param seed       the seed of the weight initialisation
 */
public record CriticSpec(int inputDim, int[] hidden, Activation activation, DataType dataType, long seed) {

    /** The activations a {@code CriticSpec} accepts. */
    public static final Set<Activation> SUPPORTED_ACTIVATIONS =
            Set.copyOf(EnumSet.of(Activation.RELU, Activation.LEAKYRELU, Activation.IDENTITY));

    /**
     * Checks and copies the specification.
     *
     * @param inputDim   d ≥ 1
     * @param hidden     widths ≥ 1
     * @param activation one of {@link #SUPPORTED_ACTIVATIONS}
     * @param dataType   FLOAT or DOUBLE
     * @param seed       any value
     */
    public CriticSpec {
        if (inputDim < 1) {
            throw new IllegalArgumentException("inputDim must be >= 1 but is " + inputDim);
        }
        if (hidden == null) {
            throw new IllegalArgumentException("hidden must not be null");
        }
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "] must be >= 1 but is " + hidden[i]);
            }
        }
        if (activation == null || !SUPPORTED_ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("activation must be one of " + SUPPORTED_ACTIVATIONS + " but is "
                    + activation);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE but is " + dataType);
        }
    }

    /**
     * A float32 critic with LeakyReLU hidden layers, the usual WGAN choice.
     *
     * @param inputDim d ≥ 1
     * @param seed     the seed of the weight initialisation
     * @param hidden   the widths of the hidden layers
     * @return the specification
     */
    public static CriticSpec leakyRelu(int inputDim, long seed, int... hidden) {
        return new CriticSpec(inputDim, hidden, Activation.LEAKYRELU, DataType.FLOAT, seed);
    }

    /**
     * The same specification in another floating-point type.
     *
     * @param type FLOAT or DOUBLE
     * @return the specification with {@code dataType = type}
     */
    public CriticSpec withDataType(DataType type) {
        return new CriticSpec(inputDim, hidden, activation, type, seed);
    }

    /**
     * The same specification with another seed.
     *
     * @param newSeed the seed of the weight initialisation
     * @return the specification with {@code seed = newSeed}
     */
    public CriticSpec withSeed(long newSeed) {
        return new CriticSpec(inputDim, hidden, activation, dataType, newSeed);
    }

    /** @return a copy of the hidden widths */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticSpec s && s.inputDim == inputDim && Arrays.equals(s.hidden, hidden)
                && s.activation == activation && s.dataType == dataType && s.seed == seed;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * inputDim + Arrays.hashCode(hidden)) + activation.hashCode())
                + dataType.hashCode()) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "CriticSpec[inputDim=" + inputDim + ", hidden=" + Arrays.toString(hidden) + ", activation="
                + activation + ", dataType=" + dataType + ", seed=" + seed + "]";
    }
}
