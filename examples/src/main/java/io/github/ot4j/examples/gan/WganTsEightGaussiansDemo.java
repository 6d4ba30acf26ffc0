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
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.CsvMetrics;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.MetricsHistory;
import io.github.ot4j.gan.monitor.TrainingListener;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The flagship demo: a WGAN-TS (Liu, Gu, Samaras 2018) learns the 8-Gaussians distribution for about a minute,
 * and prints, as it trains, the critic's estimate of the Wasserstein-1 distance next to the <b>exact</b>
 * W<sub>1</sub> between 1000 generated and 1000 held-out real points, solved by ot-core.
 *
 * <pre>
 * WganTsEightGaussiansDemo [seconds]
 * </pre>
 * Writes to the folder named by the system property {@code ot4j.output} (default {@code ot4j-output}):
 * {@code wgan-ts-samples.png} (generated against real points), {@code wgan-ts-distances.png} (estimate and exact
 * W<sub>1</sub> over the generator steps), {@code wgan-ts-metrics.csv} and the checkpoint
 * {@code wgan-ts.ckpt}.
 *
 * <p>Settings: the paper's WGAN-TS (L1 cost, 5 regression steps, weight scaling, Adam β = (0.5, 0.999), generator
 * learning rate 1e-4) with the critic's learning rate raised to 1e-3 so that its 5 regression steps follow the
 * moving targets within a minute of training (with 1e-3 for both, the generator outruns the critic and the
 * estimate collapses far below the exact value), the library's default batch of
 * {@value io.github.ot4j.gan.WganConfig#DEFAULT_BATCH_SIZE} (a batch of 64 made the exact step-1 targets less
 * representative and the batch estimate more biased upward against the 1000-point exact value), generator
 * 2 → 64 → 64 → 64 → 2 and critic 2 → 64 → 64 → 64 → 1 (ReLU, float32). The critic is 1-Lipschitz for the
 * L1 cost, so the exact distance is computed under the L1 cost too. The library sets nd4j to one thread itself.
 */
public final class WganTsEightGaussiansDemo {

    /** Generator steps between two reports. */
    private static final int REPORT_EVERY = 100;
    /** The hidden width of both networks. */
    private static final int W = 64;

    private WganTsEightGaussiansDemo() {
    }

    /**
     * Runs the demo; bad arguments end it with one line on standard error and exit status
     * {@value ExampleMain#BAD_INPUT}.
     *
     * @param args optional training time in seconds (default 60; at least 100 generator steps are made)
     */
    public static void main(String[] args) {
        ExampleMain.exit("WganTsEightGaussiansDemo", () -> run(args));
    }

    /**
     * The example's body.
     *
     * @param args optional training time in seconds, a finite number ≥ 0
     * @throws IOException if the outputs cannot be written
     */
    static void run(String[] args) throws IOException {
        ExampleMain.noMoreThan(args, 1, "WganTsEightGaussiansDemo [seconds]");
        double seconds = ExampleMain.doubleArgument(args, 0, "seconds", 60.0, 0);
        Path out = OutputFolder.get();
        Files.createDirectories(out);

        DataSource data = ToyDistributions.eightGaussians();
        WganConfig config = WganConfig.wganTs().withLearningRates(1e-4, 1e-3);
        Generator generator = Generator.mlp(new GeneratorSpec(2, new int[] {W, W, W}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {W, W, W}, Activation.RELU, DataType.FLOAT, 2));
        WganTrainer trainer = WganTrainer.create(config, generator, critic, data, 42);
        double[][] heldOut = data.sample(1000, -1);
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(heldOut, config.criticCost());

        System.out.printf(Locale.ROOT, "WGAN-TS on 8 Gaussians for %.0f s; exact W1 (L1 cost) between 1000 generated "
                + "and 1000 held-out real points every %d generator steps%n", seconds, REPORT_EVERY);
        System.out.printf(Locale.ROOT, "before training: exact W1 %.4f%n", monitor.distance(generator.sample(1000, 7)));
        System.out.println("   step | steps/s | critic estimate | exact W1 | ratio");
        MetricsHistory history = new MetricsHistory();
        TrainingListener line = (TrainingReport r) -> System.out.printf(Locale.ROOT,
                "%7d | %7.1f | %15.4f | %8.4f | %5.2f%n", r.iteration(), r.stepsPerSecond(), r.criticEstimate(),
                r.exactDistance(), r.criticEstimate() / r.exactDistance());
        long start = System.nanoTime();
        Path checkpoint = out.resolve("wgan-ts.ckpt");
        Files.deleteIfExists(out.resolve("wgan-ts-metrics.csv"));
        try (CsvMetrics csv = CsvMetrics.to(out.resolve("wgan-ts-metrics.csv"))) {
            do {
                // chunks without a checkpoint file: each train() call would checkpoint at its end
                trainer.train(TrainingPlan.until(trainer.iteration() + REPORT_EVERY)
                        .reportingEvery(REPORT_EVERY, monitor), history, csv, line);
            } while ((System.nanoTime() - start) / 1e9 < seconds);
        }
        CheckpointFile.write(checkpoint, trainer.checkpoint());
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d generator steps in %.1f s%n", trainer.iteration(), elapsed);

        Path samples = GanPlots.samples(data.sample(1000, -2), generator.sample(1000, -3),
                "WGAN-TS on 8 Gaussians after " + trainer.iteration() + " generator steps",
                out.resolve("wgan-ts-samples.png"));
        Path curves = GanPlots.distances(history.reports(), "WGAN-TS: critic estimate vs exact W1 (L1 cost)",
                out.resolve("wgan-ts-distances.png"));
        System.out.println("wrote " + samples.toAbsolutePath());
        System.out.println("wrote " + curves.toAbsolutePath());
        System.out.println("wrote " + out.resolve("wgan-ts-metrics.csv").toAbsolutePath() + " and "
                + checkpoint.toAbsolutePath());
    }
}
