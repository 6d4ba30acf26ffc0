package io.github.ot4j.examples.bench;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.internal.Nd4jSetup;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.examples.OutputFolder;
import io.github.ot4j.examples.gan.GanPlots;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.TrainingPlan;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.WganTrainer;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GAN quality with the library's defaults, ot4j against a PyTorch twin (not a timed test): for each mode
 * ({@code wgan} = {@link WganConfig#wgan()}, weight clipping; {@code gp} = {@link WganConfig#wganGp()};
 * {@code ts} = {@link WganConfig#wganTs()}) and seed, one ot4j run in this JVM, then the same networks and
 * settings in PyTorch ({@code examples/src/main/python/torch_gan_quality.py} under {@code /usr/bin/python3}, one
 * thread, {@code OMP_WAIT_POLICY=PASSIVE}, every hyper-parameter passed from the {@link WganConfig} so the two
 * cannot drift apart), alternating. At 250, 500, 1000 and 2000 generator steps both sides' generators draw 2000
 * points, and ot-core's exact solver gives W<sub>1</sub> (Euclidean) to the same 2000 held-out real points (the
 * PyTorch side writes its samples to files that this JVM reads). For WGAN-TS the critic's estimate over the last
 * 50 steps before each checkpoint is printed as a ratio to the exact L1 W<sub>1</sub> of the same 2000 points
 * (the collapse check).
 *
 * <pre>
 * GanQualityBenchmark [seeds [modes [width [checkpoints [png]]]]]
 *     (defaults 2, wgan,gp,ts, 64, 250,500,1000,2000, ot4j-output/gan-quality.png)
 * </pre>
 * Settings: 8 Gaussians, generator 2 → w → w → w → 2 and critic 2 → w → w → w → 1 (ReLU, float32). Prints one line
 * per run and a Markdown table of medians over the seeds; writes the curves to the PNG named by the fifth
 * argument. Run from the repository root (the Python script is found relative to it).
 * {@link #curve} is the reusable part: any trainer, any checkpoints, the exact W<sub>1</sub> at each.
 */
public final class GanQualityBenchmark {

    /** The generator steps at which the exact W<sub>1</sub> is measured. */
    public static final int[] CHECKPOINTS = {250, 500, 1000, 2000};
    /** Generated and held-out real points per measurement, 2000 each. */
    public static final int SAMPLES = 2000;
    /** Steps before a checkpoint over which the WGAN-TS estimate is averaged. */
    private static final int ESTIMATE_WINDOW = 50;
    private static final String SCRIPT = "examples/src/main/python/torch_gan_quality.py";

    private GanQualityBenchmark() {
    }

    /**
     * One run's curve.
     *
     * @param mode    wgan, gp or ts
     * @param side    ot4j or PyTorch
     * @param seed    the run's seed
     * @param steps   the checkpoints
     * @param w1      exact W<sub>1</sub> (Euclidean) at each checkpoint
     * @param ratio   critic estimate / exact W<sub>1</sub> under the critic's cost at each checkpoint, or NaN
     * @param seconds wall-clock seconds of the run, measurements included
     */
    public record Curve(String mode, String side, long seed, int[] steps, double[] w1, double[] ratio,
                        double seconds) {
    }

    /**
     * Trains {@code trainer} to each checkpoint in turn and measures the exact W<sub>1</sub> there.
     *
     * @param trainer     the trainer (at step 0 or earlier than the first checkpoint)
     * @param monitor     the exact distance to held-out data (its cost is the curve's)
     * @param estimate    a monitor under the critic's cost for the estimate / exact ratio, or null for none
     * @param sampleSeed  the seed of the generated samples (the checkpoint is added)
     * @param checkpoints increasing generator steps
     * @return {w1, ratio} per checkpoint (ratio NaN without {@code estimate})
     */
    public static double[][] curve(WganTrainer trainer, ExactDistanceMonitor monitor, ExactDistanceMonitor estimate,
            long sampleSeed, int... checkpoints) {
        double[] w1 = new double[checkpoints.length];
        double[] ratio = new double[checkpoints.length];
        for (int k = 0; k < checkpoints.length; k++) {
            int c = checkpoints[k];
            ratio[k] = Double.NaN;
            if (estimate != null) {
                trainer.train(TrainingPlan.until(Math.max(trainer.iteration(), c - ESTIMATE_WINDOW)));
                TrainingReport r = trainer.train(TrainingPlan.until(c)
                        .reportingEvery((int) (c - trainer.iteration()), estimate));
                ratio[k] = r.criticEstimate() / r.exactDistance();
            } else {
                trainer.train(TrainingPlan.until(c));
            }
            w1[k] = monitor.distance(trainer.generator().sample(monitor.generatedSamples(), sampleSeed + c));
        }
        return new double[][] {w1, ratio};
    }

    /**
     * The library's default configuration of a mode.
     *
     * @param mode wgan, gp or ts
     * @return {@link WganConfig#wgan()}, {@link WganConfig#wganGp()} or {@link WganConfig#wganTs()}
     */
    public static WganConfig defaults(String mode) {
        return switch (mode) {
            case "wgan" -> WganConfig.wgan();
            case "gp" -> WganConfig.wganGp();
            case "ts" -> WganConfig.wganTs();
            default -> throw new IllegalArgumentException("mode must be wgan, gp or ts but is " + mode);
        };
    }

    /**
     * Runs the benchmark, prints the table and writes the plot.
     *
     * @param args optional seeds, modes and width
     * @throws IOException          if the Python process fails or the plot cannot be written
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (BenchProcess.runChildren(GanQualityBenchmark.class, args, 1)) {
            return;
        }
        Nd4jSetup.ensure();
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String[] modes = (args.length > 1 ? args[1] : "wgan,gp,ts").split(",");
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int[] checkpoints = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                : CHECKPOINTS;
        Path png = Path.of(args.length > 4 ? args[4] : OutputFolder.get().resolve("gan-quality.png").toString());
        DataSource data = ToyDistributions.eightGaussians();
        List<Curve> curves = new ArrayList<>();
        String load = uptime();
        for (String mode : modes) {
            WganConfig config = defaults(mode);
            for (int s = 1; s <= seeds; s++) {
                double[][] heldOut = data.sample(SAMPLES, -1000 - s);
                ExactDistanceMonitor euclid = ExactDistanceMonitor.of(heldOut);
                ExactDistanceMonitor criticCost = mode.equals("ts") ? ExactDistanceMonitor.of(heldOut,
                        config.criticCost()) : null;
                Curve j = ot4j(mode, config, width, s, data, euclid, criticCost, checkpoints);
                Curve t = torch(mode, config, width, s, euclid, checkpoints);
                curves.add(j);
                curves.add(t);
                System.out.println(line(j));
                System.out.println(line(t));
            }
        }
        load = load + " → " + uptime();
        System.out.printf(Locale.ROOT, "%n%d generator steps, exact W1 (Euclidean, ot-core) of %d generated vs %d "
                + "held-out real points at %s; 8 Gaussians, networks 2-%d-%d-%d-(2|1) ReLU float32, library defaults "
                + "(batch %d), %d seed(s), medians; load average %s. ot4j: %s, 1 thread. PyTorch: torch.set_num_threads(1), "
                + "OMP_WAIT_POLICY=PASSIVE.%n%n", checkpoints[checkpoints.length - 1], SAMPLES, SAMPLES,
                Arrays.toString(checkpoints), width, width, width, WganConfig.DEFAULT_BATCH_SIZE, seeds, load,
                Nd4jSetup.describe());
        StringBuilder head = new StringBuilder("| mode | side |");
        StringBuilder rule = new StringBuilder("| --- | --- |");
        for (int c : checkpoints) {
            head.append(" W1 @ ").append(c).append(" |");
            rule.append(" ---: |");
        }
        System.out.println(head.append(" TS estimate / exact L1 W1 @ checkpoints | s per run |"));
        System.out.println(rule.append(" --- | ---: |"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String mode : modes) {
            for (String side : new String[] {"ot4j", "PyTorch"}) {
                List<Curve> runs = curves.stream().filter(c -> c.mode().equals(mode) && c.side().equals(side))
                        .toList();
                double[] med = new double[checkpoints.length];
                double[] ratio = new double[checkpoints.length];
                StringBuilder row = new StringBuilder("| " + name(mode) + " | " + side + " |");
                for (int k = 0; k < checkpoints.length; k++) {
                    final int kk = k;
                    med[k] = median(runs.stream().mapToDouble(c -> c.w1()[kk]).toArray());
                    ratio[k] = median(runs.stream().mapToDouble(c -> c.ratio()[kk]).toArray());
                    row.append(String.format(Locale.ROOT, " %.3f |", med[k]));
                }
                row.append(Double.isNaN(ratio[0]) ? " |" : " " + join(ratio) + " |");
                row.append(String.format(Locale.ROOT, " %.0f |",
                        median(runs.stream().mapToDouble(Curve::seconds).toArray())));
                System.out.println(row);
                series.put(name(mode) + ", " + side, med);
            }
        }
        double[] steps = Arrays.stream(checkpoints).asDoubleStream().toArray();
        GanPlots.curves(steps, series, "8 Gaussians, library defaults: exact W1 (2000 vs 2000 held-out)", png);
        System.out.println();
        System.out.println("wrote " + png.toAbsolutePath());
    }

    private static Curve ot4j(String mode, WganConfig config, int width, long seed, DataSource data,
            ExactDistanceMonitor euclid, ExactDistanceMonitor criticCost, int[] checkpoints) {
        int[] hidden = {width, width, width};
        Generator generator = Generator.mlp(new GeneratorSpec(2, hidden, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, seed));
        Critic critic = Critic.mlp(new CriticSpec(2, hidden, Activation.RELU, DataType.FLOAT, seed + 1000));
        WganTrainer trainer = WganTrainer.create(config, generator, critic, data, seed);
        long start = System.nanoTime();
        double[][] c = curve(trainer, euclid, criticCost, 7 * seed, checkpoints);
        return new Curve(mode, "ot4j", seed, checkpoints.clone(), c[0], c[1], (System.nanoTime() - start) / 1e9);
    }

    /** The twin's command line: every hyper-parameter read off the configuration. */
    static List<String> torchArguments(String mode, WganConfig config, int width, long seed, Path out,
            int[] checkpoints) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT, "--mode", mode, "--width",
                Integer.toString(width), "--batch", Integer.toString(config.batchSize()), "--critic-steps",
                Integer.toString(config.critic().steps()), "--seed", Long.toString(seed), "--samples",
                Integer.toString(SAMPLES), "--out", out.toString(), "--checkpoints",
                String.join(",", Arrays.stream(checkpoints).mapToObj(Integer::toString).toList())));
        cmd.addAll(updater("g", config.generatorUpdater()));
        CriticMethod method = config.critic().method();
        cmd.addAll(updater("c", method.updater()));
        if (method instanceof CriticMethod.Enforced e) {
            if (e.enforcer() instanceof WeightClipping w) {
                cmd.addAll(List.of("--clip", Double.toString(w.c())));
            } else if (e.enforcer() instanceof GradientPenalty gp) {
                cmd.addAll(List.of("--gp-lambda", Double.toString(gp.lambda())));
            } else {
                throw new IllegalArgumentException("the twin has no " + e.enforcer());
            }
        } else if (method instanceof CriticMethod.TwoStep t) {
            cmd.addAll(List.of("--regression-steps", Integer.toString(t.regressionSteps())));
        }
        return cmd;
    }

    private static List<String> updater(String who, IUpdater u) {
        if (u.hasLearningRate() && u.getLearningRate(0, 0) != u.getLearningRate(1_000_000, 1_000)) {
            throw new IllegalArgumentException("the twin supports constant learning rates only: " + u);
        }
        if (u instanceof Adam a) {
            return List.of("--" + who + "-opt", "adam", "--" + who + "-lr", Double.toString(a.getLearningRate()),
                    "--" + who + "-b1", Double.toString(a.getBeta1()), "--" + who + "-b2",
                    Double.toString(a.getBeta2()), "--" + who + "-eps", Double.toString(a.getEpsilon()));
        }
        if (u instanceof RmsProp r) {
            return List.of("--" + who + "-opt", "rmsprop", "--" + who + "-lr", Double.toString(r.getLearningRate()),
                    "--" + who + "-b2", Double.toString(r.getRmsDecay()), "--" + who + "-eps",
                    Double.toString(r.getEpsilon()));
        }
        throw new IllegalArgumentException("the twin supports Adam and RMSProp only, not " + u);
    }

    private static Curve torch(String mode, WganConfig config, int width, long seed, ExactDistanceMonitor euclid,
            int[] checkpoints)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("ot4j-gan-quality");
        try {
            ProcessBuilder pb = new ProcessBuilder(torchArguments(mode, config, width, seed, out, checkpoints));
            BenchProcess.torchEnvironment(pb);
            pb.redirectErrorStream(true);
            long start = System.nanoTime();
            Process process = pb.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    output.append(l).append('\n');
                }
            }
            if (process.waitFor() != 0) {
                throw new IOException("the PyTorch twin failed:\n" + output);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] w1 = new double[checkpoints.length];
            double[] ratio = new double[checkpoints.length];
            for (int k = 0; k < checkpoints.length; k++) {
                w1[k] = euclid.distance(readRows(out.resolve("generated-" + checkpoints[k] + ".csv")));
                ratio[k] = Double.NaN;
            }
            return new Curve(mode, "PyTorch", seed, checkpoints.clone(), w1, ratio, seconds);
        } finally {
            try (var files = Files.list(out)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(out);
        }
    }

    private static double[][] readRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        double[][] rows = new double[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        return rows;
    }

    private static String line(Curve c) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s seed %d %s:", c.mode(), c.seed(),
                c.side()));
        for (int k = 0; k < c.steps().length; k++) {
            s.append(String.format(Locale.ROOT, " W1@%d %.4f", c.steps()[k], c.w1()[k]));
            if (!Double.isNaN(c.ratio()[k])) {
                s.append(String.format(Locale.ROOT, " (ratio %.2f)", c.ratio()[k]));
            }
        }
        return s.append(String.format(Locale.ROOT, "; %.0f s", c.seconds())).toString();
    }

    private static String name(String mode) {
        return switch (mode) {
            case "wgan" -> "WGAN (clipping)";
            case "gp" -> "WGAN-GP";
            default -> "WGAN-TS";
        };
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return s.toString();
    }

    private static String uptime() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
