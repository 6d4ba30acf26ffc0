package io.github.ot4j.examples.gan;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.estimate.DualReading;
import io.github.ot4j.critic.train.TwoStepCriticTrainer;
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
import io.github.ot4j.gan.monitor.TrainingReport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flagship demo: a WGAN-TS (Liu, Gu, Samaras 2018) learns the 8-Gaussians distribution, and prints, as it
 * trains, the <b>exact</b> W<sub>1</sub> (L1 cost) between {@value #POINTS} generated and {@value #POINTS} held-out
 * real points, solved by ot-core, next to three readings: the critic's batch estimate (what the trainer reports,
 * the c-transform reading of 256 real against 256 generated training points, averaged over the report interval),
 * the critic's reading on the very points of the exact value (the c-transform reading of the critic on the
 * held-out real and the generated points: by duality a lower bound on that exact value, so the ratio is ≤ 1), and
 * the <b>oracle</b>: the exact optimal potential of another pair of {@value #POINTS} + {@value #POINTS} points
 * (fresh generated, fresh real), extended by its c-transform and read on the same points
 * ({@link DualReading#oracle}) — what a critic that is perfect on a training pair of that size reads there. The
 * exact W<sub>1</sub> of two finite samples holds their own sampling noise, which no critic trained on other
 * samples can see; near the floor the oracle's ratio shows how much of the exact value that is. Before training it
 * prints the floor: the exact W<sub>1</sub> between two real samples of {@value #POINTS} points, what a perfect
 * generator would read.
 *
 * <pre>
 * WganTsEightGaussiansDemo [steps]      (default {@value #DEFAULT_STEPS}; a report every 1000 steps and at the end)
 * </pre>
 * Writes to the folder named by the system property {@code ot4j.output} (default {@code ot4j-output}):
 * {@code wgan-ts-samples.png} (generated against real points), {@code wgan-ts-distances.png} (the readings and the
 * exact W<sub>1</sub> over the generator steps), {@code wgan-ts-metrics.csv} and the checkpoint
 * {@code wgan-ts.ckpt}.
 *
 * <p>Settings ({@link #config}): the paper's WGAN-TS (L1 cost, 5 regression steps, weight scaling, Adam β = (0.5,
 * 0.999), the library's default batch of {@value io.github.ot4j.gan.WganConfig#DEFAULT_BATCH_SIZE}) with both
 * learning rates decaying exponentially from 1e-3 to 1e-5 over the run (the critic's per regression update, the
 * generator's per generator step): fast early, and fine enough late for the generator to thin the bridges between
 * the modes; generator 2 → 64 → 64 → 64 → 2 and critic 2 → 64 → 64 → 64 → 1 (ReLU, float32). The critic is
 * 1-Lipschitz for the L1 cost, so every distance is under the L1 cost. The library sets nd4j to one thread itself.
 */
public final class WganTsEightGaussiansDemo {

    /** Generator steps between two reports. */
    private static final int REPORT_EVERY = 1000;
    /** The default number of generator steps. */
    static final int DEFAULT_STEPS = 10_000;
    /** The learning rates' start, and their factor over the whole run. */
    private static final double RATE = 1e-3;
    private static final double DECAY = 0.01;
    /** Generated and held-out real points of the exact value. */
    static final int POINTS = 2000;
    /** The hidden width of both networks. */
    private static final int W = 64;

    private WganTsEightGaussiansDemo() {
    }

    /**
     * Runs the demo; bad arguments end it with one line on standard error and exit status
     * {@value ExampleMain#BAD_INPUT}.
     *
     * @param args optional number of generator steps (default {@value #DEFAULT_STEPS})
     */
    public static void main(String[] args) {
        ExampleMain.exit("WganTsEightGaussiansDemo", () -> run(args));
    }

    /**
     * The demo's configuration for a run of {@code steps} generator steps: {@link WganConfig#wganTs()} with the
     * generator's Adam learning rate 1e-3 · 0.01<sup>t / steps</sup> at generator step t and the critic's regression
     * rate 1e-3 · 0.01<sup>k / (5·steps)</sup> at its k-th regression update (5 per generator step): both fall from
     * 1e-3 to 1e-5 over the run.
     *
     * @param steps the run's generator steps, ≥ 1
     * @return the configuration
     */
    public static WganConfig config(int steps) {
        return WganConfig.wganTs().withGeneratorUpdater(decaying(steps))
                .withCriticUpdater(decaying((long) steps * TwoStepCriticTrainer.DEFAULT_REGRESSION_STEPS));
    }

    /** Adam(β = (0.5, 0.999)) whose rate falls from {@link #RATE} by the factor {@link #DECAY} over the updates. */
    private static IUpdater decaying(long updates) {
        return Adam.builder().learningRateSchedule(new ExponentialSchedule(ScheduleType.ITERATION, RATE,
                Math.pow(DECAY, 1.0 / updates))).beta1(0.5).beta2(0.999).epsilon(1e-8).build();
    }

    /**
     * The example's body.
     *
     * @param args optional number of generator steps, an integer ≥ 1
     * @throws IOException if the outputs cannot be written
     */
    static void run(String[] args) throws IOException {
        ExampleMain.noMoreThan(args, 1, "WganTsEightGaussiansDemo [steps]");
        int steps = ExampleMain.intArgument(args, 0, "steps", DEFAULT_STEPS, 1);
        Path out = OutputFolder.get();
        Files.createDirectories(out);

        DataSource data = ToyDistributions.eightGaussians();
        WganConfig config = config(steps);
        GroundCost cost = config.criticCost();
        Generator generator = Generator.mlp(new GeneratorSpec(2, new int[] {W, W, W}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {W, W, W}, Activation.RELU, DataType.FLOAT, 2));
        WganTrainer trainer = WganTrainer.create(config, generator, critic, data, 42);
        double[][] heldOut = data.sample(POINTS, -1);
        DiscreteMeasure real = DiscreteMeasure.uniform(heldOut);
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(heldOut, cost);

        System.out.printf(Locale.ROOT, "WGAN-TS on 8 Gaussians for %d generator steps; exact W1 (L1 cost) between %d "
                + "generated and %d held-out real points every %d steps%n", steps, POINTS, POINTS, REPORT_EVERY);
        System.out.printf(Locale.ROOT, "floor (two real samples of %d points): exact W1 %.4f%n", POINTS,
                monitor.distance(data.sample(POINTS, -2)));
        System.out.printf(Locale.ROOT, "before training: exact W1 %.4f%n",
                monitor.distance(generator.sample(POINTS, 7)));
        System.out.println("   step | steps/s | batch estimate | critic on these points | oracle | exact W1 | critic "
                + "/ exact | oracle / exact");
        MetricsHistory history = new MetricsHistory();
        List<Double> readings = new ArrayList<>();
        long start = System.nanoTime();
        Path checkpoint = out.resolve("wgan-ts.ckpt");
        Files.deleteIfExists(out.resolve("wgan-ts-metrics.csv"));
        try (CsvMetrics csv = CsvMetrics.to(out.resolve("wgan-ts-metrics.csv"))) {
            do {
                // chunks without a checkpoint file: each train() call would checkpoint at its end
                long to = Math.min(steps, trainer.iteration() + REPORT_EVERY);
                TrainingReport r = trainer.train(TrainingPlan.until(to).reportingEvery(REPORT_EVERY, null));
                double[][] generated = generator.sample(POINTS, 1000 + to);
                double exact = monitor.distance(generated);
                DiscreteMeasure fake = DiscreteMeasure.uniform(generated);
                double reading = DualReading.cTransform(real, values(critic, heldOut), fake, values(critic, generated),
                        cost);
                TrainingReport report = new TrainingReport(r.iteration(), r.totalIterations(), r.generatorLoss(),
                        r.criticLoss(), r.criticEstimate(), r.penalty(), exact, r.elapsedSeconds(),
                        r.stepsPerSecond());
                history.onReport(report);
                csv.onReport(report);
                readings.add(reading);
                double oracle = oracle(data, generator, cost, real, fake, to);
                System.out.printf(Locale.ROOT, "%7d | %7.1f | %14.4f | %22.4f | %6.4f | %8.4f | %14.2f | %14.2f%n",
                        to, r.stepsPerSecond(), r.criticEstimate(), reading, oracle, exact, reading / exact,
                        oracle / exact);
            } while (trainer.iteration() < steps);
        }
        CheckpointFile.write(checkpoint, trainer.checkpoint());
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d generator steps in %.1f s%n", trainer.iteration(), elapsed);

        Path samples = GanPlots.samples(data.sample(1000, -2), generator.sample(1000, -3),
                "WGAN-TS on 8 Gaussians after " + trainer.iteration() + " generator steps",
                out.resolve("wgan-ts-samples.png"));
        Path curves = GanPlots.distances(history.reports(), readings.stream().mapToDouble(Double::doubleValue)
                .toArray(), "WGAN-TS: critic readings vs exact W1 (L1 cost)", out.resolve("wgan-ts-distances.png"));
        System.out.println("wrote " + samples.toAbsolutePath());
        System.out.println("wrote " + curves.toAbsolutePath());
        System.out.println("wrote " + out.resolve("wgan-ts-metrics.csv").toAbsolutePath() + " and "
                + checkpoint.toAbsolutePath());
    }

    /**
     * The oracle's reading of (real, fake): the exact potential of a fresh pair of as many points (real drawn with
     * seed −100 − step, generated with seed 3000 + step), extended by its c-transform.
     */
    private static double oracle(DataSource data, Generator generator, GroundCost cost, DiscreteMeasure real,
            DiscreteMeasure fake, long step) {
        DiscreteMeasure trainedReal = DiscreteMeasure.uniform(data.sample(POINTS, -100 - step));
        DiscreteMeasure trainedFake = DiscreteMeasure.uniform(generator.sample(POINTS, 3000 + step));
        TransportResult trained = ExactSolvers.defaultSolver().solve(trainedReal, trainedFake, cost);
        return DualReading.oracle(trainedFake, trained.potentials().v(), real, fake, cost);
    }

    private static double[] values(Critic critic, double[][] points) {
        return critic.values(critic.batch(points)).toDoubleVector();
    }
}
