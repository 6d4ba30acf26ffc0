package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.gan.data.ToyDistributions;
import java.util.Arrays;

/**
 * A JVM that trains 30 seeded steps of one WGAN mode and prints a hash of each network's parameters, for
 * {@link ThreadCountDeterminismTest}.
 */
public final class ThreadCountMain {

    private ThreadCountMain() {
    }

    /** @param args the mode: wgan, gp or ts */
    public static void main(String[] args) {
        WganConfig config = switch (args[0]) {
            case "gp" -> WganConfig.wganGpToy();
            case "ts" -> WganConfig.wganTs();
            default -> WganConfig.wgan();
        };
        Generator generator = Generator.mlp(GeneratorSpec.toy2d(1));
        Critic critic = Critic.mlp(CriticSpec.leakyRelu(2, 2, 128, 128, 128));
        WganTrainer trainer = WganTrainer.create(config, generator, critic, ToyDistributions.eightGaussians(), 7);
        for (int step = 0; step < 30; step++) {
            trainer.step();
        }
        System.out.println("generator " + Arrays.hashCode(generator.network().params().dup().data().asFloat())
                + " critic " + Arrays.hashCode(critic.network().params().dup().data().asFloat()));
    }
}
