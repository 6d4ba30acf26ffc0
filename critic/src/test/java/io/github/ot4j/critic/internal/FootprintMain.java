package io.github.ot4j.critic.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.train.CriticTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A JVM that trains a tiny critic (2 → 64 → 64 → 1, float32, gradient penalty, 64 + 64 rows), for
 * {@code MemoryGuardForkTest}: prints {@code warm <VmRSS KiB>} after the warm-up steps and {@code peak <VmHWM KiB>}
 * after all steps.
 */
public final class FootprintMain {

    private FootprintMain() {
    }

    /**
     * @param args warm-up steps, total steps
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        int warm = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        CriticTrainer trainer = CriticTrainer.wganGp(Critic.mlp(CriticSpec.leakyRelu(2, 1, 64, 64)));
        Nd4j.getRandom().setSeed(1);
        INDArray real = Nd4j.randn(DataType.FLOAT, 64, 2);
        INDArray fake = Nd4j.randn(DataType.FLOAT, 64, 2).addi(1);
        for (int s = 1; s <= steps; s++) {
            trainer.step(real, fake, s);
            if (s == warm) {
                System.out.println("warm " + kib("VmRSS"));
            }
        }
        System.out.println("peak " + kib("VmHWM"));
        System.out.println("collections " + MemoryGuard.collections());
    }

    static long kib(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("/proc/self/status has no " + key);
    }
}
