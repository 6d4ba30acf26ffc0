package io.github.ot4j.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.internal.MemoryGuard;
import io.github.ot4j.critic.train.CriticTrainer;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.WganTrainer;
import io.github.ot4j.gan.data.ToyDistributions;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Resident memory of a long small run, printed as a markdown table every {@code steps/10} steps: {@code VmRSS} and
 * {@code VmHWM} from {@code /proc/self/status}, the committed heap and the collections the library's
 * {@link MemoryGuard} called. Two runs:
 * <ul>
 *   <li>{@code critic}: a 2 → 64 → 64 → 1 float32 critic trained by gradient penalty on 64 + 64 rows;</li>
 *   <li>{@code wgan}: a WGAN-GP on the eight Gaussians, generator and critic 2 → 64 → 64 → 2/1 float32, batch 64,
 *       one critic iteration per generator step.</li>
 * </ul>
 * Compare with {@code -Dot4j.nd4j.gcHeadroom=off} (the guard off) and with a heap limit such as {@code -Xmx256m}.
 * Arguments (optional): run ({@code critic} or {@code wgan}, default {@code critic}), steps (default 10 000).
 */
public final class CriticFootprint {

    private CriticFootprint() {
    }

    /**
     * Runs the training and prints the table.
     *
     * @param args optional run and step count
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        String run = args.length > 0 ? args[0] : "critic";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (!run.equals("critic") && !run.equals("wgan") || steps < 10) {
            throw new IllegalArgumentException("usage: CriticFootprint [critic|wgan] [steps >= 10] but got run '"
                    + run + "', steps " + steps);
        }
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        System.out.printf(Locale.ROOT, "%s run, max heap %d MiB, %s=%s%n%n| step | VmRSS MiB | VmHWM MiB "
                + "| heap committed MiB | guard collections | ms/step |%n| ---: | ---: | ---: | ---: | ---: | ---: |%n",
                run, maxHeap, MemoryGuard.HEADROOM_PROPERTY, System.getProperty(MemoryGuard.HEADROOM_PROPERTY,
                        "(unset)"));
        Runnable step = run.equals("critic") ? criticStep() : wganStep();
        int every = steps / 10;
        long last = System.nanoTime();
        for (int s = 1; s <= steps; s++) {
            step.run();
            if (s % every == 0) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.2f |%n", s, kib("VmRSS") >> 10,
                        kib("VmHWM") >> 10, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()
                                >> 20, MemoryGuard.collections(), (now - last) / 1e6 / every);
                last = now;
            }
        }
    }

    private static Runnable criticStep() {
        CriticTrainer trainer = CriticTrainer.wganGp(Critic.mlp(CriticSpec.leakyRelu(2, 1, 64, 64)));
        Nd4j.getRandom().setSeed(1);
        INDArray real = Nd4j.randn(DataType.FLOAT, 64, 2);
        INDArray fake = Nd4j.randn(DataType.FLOAT, 64, 2).addi(1);
        int[] s = {0};
        return () -> trainer.step(real, fake, ++s[0]);
    }

    private static Runnable wganStep() {
        int[] hidden = {64, 64};
        Generator generator = Generator.mlp(new GeneratorSpec(2, hidden, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(2, hidden, Activation.RELU, DataType.FLOAT, 2));
        WganTrainer trainer = WganTrainer.create(WganConfig.wganGp(0.1).withBatchSize(64).withCriticSteps(1), generator, critic,
                ToyDistributions.eightGaussians(), 3);
        return trainer::step;
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
