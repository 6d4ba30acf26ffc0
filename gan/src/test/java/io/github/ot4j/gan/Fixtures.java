package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/** Small networks for fast trainer tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Generator generator(DataType type, long seed) {
        return Generator.mlp(new GeneratorSpec(2, new int[] {16, 16}, 2, Activation.RELU, Activation.IDENTITY, type,
                seed));
    }

    static Critic critic(DataType type, long seed) {
        return Critic.mlp(new CriticSpec(2, new int[] {16, 16}, Activation.RELU, type, seed));
    }
}
