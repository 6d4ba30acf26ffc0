package io.github.ot4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.train.CriticTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Resident memory of a long small critic run: a 2 → 64 → 64 → 1 float32 critic trained by gradient penalty on 64
 * + 64 rows, printing {@code VmRSS} and {@code VmHWM} from {@code /proc/self/status} every 1000 steps as a
 * markdown table. Run it with no JVM flag (the default heap limit, a quarter of the machine's memory) and with a
 * heap limit such as {@code -Xmx256m} to compare. Argument (optional): steps (default 10 000).
 */
public final class CriticFootprint {

    private CriticFootprint() {
    }

    /**
     * Runs the training and prints the table.
     *
     * @param args optional step count
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        CriticTrainer trainer = CriticTrainer.wganGp(Critic.mlp(CriticSpec.leakyRelu(2, 1, 64, 64)));
        Nd4j.getRandom().setSeed(1);
        INDArray real = Nd4j.randn(DataType.FLOAT, 64, 2);
        INDArray fake = Nd4j.randn(DataType.FLOAT, 64, 2).addi(1);
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        System.out.printf(Locale.ROOT, "| steps (GP, 2-64-64-1, batch 64+64, max heap %d MiB) | VmRSS MiB | "
                + "VmHWM MiB | ms/step |%n| ---: | ---: | ---: | ---: |%n", maxHeap);
        long start = System.nanoTime();
        long last = start;
        for (int s = 1; s <= steps; s++) {
            trainer.step(real, fake, s);
            if (s % 1000 == 0) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f |%n", s, kib("VmRSS") >> 10,
                        kib("VmHWM") >> 10, (now - last) / 1e6 / 1000);
                last = now;
            }
        }
    }

    private static long kib(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
