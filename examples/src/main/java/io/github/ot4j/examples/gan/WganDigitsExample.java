package io.github.ot4j.examples.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.examples.ExampleMain;
import io.github.ot4j.examples.OutputFolder;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.TrainingPlan;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.WganTrainer;
import io.github.ot4j.gan.data.ArrayDataSource;
import io.github.ot4j.gan.data.Digits;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.MetricsHistory;
import io.github.ot4j.gan.monitor.TrainingListener;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A WGAN-GP on real images: the 1797 UCI 8 × 8 handwritten digits shipped with ot4j-gan (pixels scaled to
 * [−1, 1]), 300 of them held out to measure the exact W<sub>1</sub> (Euclidean, in R<sup>64</sup>) between
 * generated and real digits as training goes.
 *
 * <pre>
 * WganDigitsExample [seconds]
 * </pre>
 * Writes {@code digits-generated.png} (a grid of 64 generated digits), {@code digits-real.png} (64 held-out real
 * ones) and {@code digits-distances.png} to the folder named by {@code ot4j.output} (default {@code ot4j-output}).
 *
 * <p>Settings: WGAN-GP (λ = 10, 5 critic steps, Adam β = (0.5, 0.9)) with learning rates 5e-4, batch 64; generator
 * 16 → 256 → 256 → 256 → 64 with a tanh output, critic 64 → 256 → 256 → 256 → 1 (LeakyReLU), float32.
 */
public final class WganDigitsExample {

    private WganDigitsExample() {
    }

    /**
     * Runs the example; bad arguments end it with one line on standard error and exit status
     * {@value ExampleMain#BAD_INPUT}.
     *
     * @param args optional training time in seconds (default 60)
     */
    public static void main(String[] args) {
        ExampleMain.exit("WganDigitsExample", () -> run(args));
    }

    /**
     * The example's body.
     *
     * @param args optional training time in seconds, a finite number ≥ 0
     * @throws IOException if the outputs cannot be written
     */
    static void run(String[] args) throws IOException {
        ExampleMain.noMoreThan(args, 1, "WganDigitsExample [seconds]");
        double seconds = ExampleMain.doubleArgument(args, 0, "seconds", 60.0, 0);
        Path out = OutputFolder.get();

        ArrayDataSource.Split split = Digits.load().asDataSource().split(300, 1);
        WganConfig config = WganConfig.wganGp().withLearningRates(5e-4, 5e-4);
        Generator generator = Generator.mlp(new GeneratorSpec(16, new int[] {256, 256, 256}, Digits.PIXELS,
                Activation.RELU, Activation.TANH, DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(Digits.PIXELS, new int[] {256, 256, 256}, Activation.LEAKYRELU,
                DataType.FLOAT, 2));
        WganTrainer trainer = WganTrainer.create(config, generator, critic, split.train(), 7);
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(split.heldOut());

        System.out.printf(Locale.ROOT, "WGAN-GP on %d digits for %.0f s; exact W1 against %d held-out digits%n",
                split.train().size(), seconds, split.heldOut().length);
        System.out.printf(Locale.ROOT, "before training: exact W1 %.3f%n", monitor.distance(generator.sample(300, 3)));
        MetricsHistory history = new MetricsHistory();
        System.out.println("   step | steps/s | critic estimate | exact W1");
        TrainingListener line = (TrainingReport r) -> System.out.printf(Locale.ROOT, "%7d | %7.1f | %15.3f | %8.3f%n",
                r.iteration(), r.stepsPerSecond(), r.criticEstimate(), r.exactDistance());
        long start = System.nanoTime();
        do {
            trainer.train(TrainingPlan.until(trainer.iteration() + 50).reportingEvery(50, monitor), history, line);
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        double[][] fake = generator.sample(64, 11);
        System.out.println("wrote " + GanPlots.digitGrid(fake, 8, out.resolve("digits-generated.png")).toAbsolutePath());
        System.out.println("wrote " + GanPlots.digitGrid(Arrays.copyOf(split.heldOut(), 64), 8,
                out.resolve("digits-real.png")).toAbsolutePath());
        System.out.println("wrote " + GanPlots.distances(history.reports(), "WGAN-GP on digits: estimate vs exact W1",
                out.resolve("digits-distances.png")).toAbsolutePath());
    }
}
