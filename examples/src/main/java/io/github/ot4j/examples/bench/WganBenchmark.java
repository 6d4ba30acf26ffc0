package io.github.ot4j.examples.bench;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.critic.internal.Nd4jSetup;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.TrainingPlan;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.WganTrainer;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WGAN training, ot4j against PyTorch on CPU (not a timed test): for each mode (WGAN with clipping, WGAN-GP,
 * WGAN-TS) and seed, one ot4j run in this JVM, then the same networks, mode and number of generator steps in
 * PyTorch ({@code examples/src/main/python/torch_wgan_bench.py} under {@code /usr/bin/python3}, one thread,
 * {@code OMP_WAIT_POLICY=PASSIVE}), alternating, after an untimed 30-step warm-up of each ot4j mode. Reports the median time per generator step (training only,
 * ratio ot4j/PyTorch) and the exact W<sub>1</sub> (Euclidean) between 1000 generated and 1000 fresh real
 * points reached by each, computed by ot-core for ot4j and by POT for PyTorch.
 *
 * <pre>
 * WganBenchmark [steps [width [seeds [modes]]]]      (defaults 300, 128, 2, wgan,gp,ts)
 * </pre>
 * Settings (both sides): 8 Gaussians, generator 2 → w → w → w → 2, critic 2 → w → w → w → 1, ReLU, float32,
 * batch 64, learning rates 1e-3; WGAN: clipping 0.1, RMSProp, 5 critic steps; WGAN-GP: λ = 0.1, Adam(0.5, 0.9),
 * 5 critic steps; WGAN-TS: L1 targets, 5 regression steps, Adam(0.5, 0.999). nd4j runs on one thread.
 * Run from the repository root (the Python script is found relative to it).
 */
public final class WganBenchmark {

    private static final String SCRIPT = "examples/src/main/python/torch_wgan_bench.py";
    private static final int BATCH = 64;
    private static final double LR = 1e-3;
    /** The BLAS line of the last PyTorch run. */
    private static String lastBlas = "?";

    private WganBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args optional steps, width and number of seeds
     * @throws IOException          if the Python process cannot be started
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (BenchProcess.runChildren(WganBenchmark.class, args, 1, 2)) {
            return;
        }
        Nd4jSetup.ensure();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String[] modes = (args.length > 3 ? args[3] : "wgan,gp,ts").split(",");
        DataSource data = ToyDistributions.eightGaussians();
        List<String> rows = new ArrayList<>();
        String torchBlas = "";
        for (String mode : modes) {
            runOt4j(mode, 30, width, 99, data); // warm-up: JIT and nd4j initialisation, not timed
        }
        for (String mode : modes) {
            double[] javaTime = new double[seeds];
            double[] javaW1 = new double[seeds];
            double[] torchTime = new double[seeds];
            double[] torchW1 = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                double[] j = runOt4j(mode, steps, width, s + 1, data);
                javaTime[s] = j[0];
                javaW1[s] = j[1];
                double[] t = runTorch(mode, steps, width, s + 1);
                torchTime[s] = t[0];
                torchW1[s] = t[1];
                torchBlas = lastBlas;
                System.out.printf(Locale.ROOT, "%s seed %d: ot4j %.2f ms/step W1 %.4f | PyTorch %.2f ms/step W1 %.4f%n",
                        mode, s + 1, 1e3 * j[0], j[1], 1e3 * t[0], t[1]);
            }
            rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.3f | %.3f |", name(mode),
                    1e3 * median(javaTime), 1e3 * median(torchTime), median(javaTime) / median(torchTime),
                    median(javaW1), median(torchW1)));
        }
        int t = BenchProcess.threads();
        System.out.printf(Locale.ROOT, "%n%d generator steps, width %d, batch %d, %d seed(s), medians. Threads %d each "
                + "side. ot4j: %s. PyTorch: %s, torch.set_num_threads(%d), OMP_WAIT_POLICY=PASSIVE.%n%n", steps, width,
                BATCH, seeds, t, Nd4jSetup.describe(), torchBlas, t);
        System.out.println("| mode, " + t + " thread(s) | ot4j ms/step | PyTorch ms/step | ratio ot4j/PyTorch | exact W1 ot4j | exact W1 PyTorch |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String name(String mode) {
        return switch (mode) {
            case "wgan" -> "WGAN (clipping 0.1)";
            case "gp" -> "WGAN-GP (λ 0.1)";
            default -> "WGAN-TS";
        };
    }

    private static WganConfig config(String mode) {
        WganConfig config = switch (mode) {
            case "wgan" -> WganConfig.wgan().withCriticMethod(
                    CriticMethod.enforced(WeightClipping.of(0.1), WganConfig.wgan().critic().method().updater()));
            case "gp" -> WganConfig.wganGp(0.1);
            default -> WganConfig.wganTs();
        };
        return config.withBatchSize(BATCH).withLearningRates(LR, LR);
    }

    /** @return seconds per generator step and the exact W1 reached */
    private static double[] runOt4j(String mode, int steps, int width, long seed, DataSource data) {
        int[] hidden = {width, width, width};
        Generator generator = Generator.mlp(new GeneratorSpec(2, hidden, 2, Activation.RELU, Activation.IDENTITY,
                DataType.FLOAT, seed));
        Critic critic = Critic.mlp(new CriticSpec(2, hidden, Activation.RELU, DataType.FLOAT, seed + 1000));
        WganTrainer trainer = WganTrainer.create(config(mode), generator, critic, data, seed);
        long start = System.nanoTime();
        trainer.train(TrainingPlan.until(steps));
        double seconds = (System.nanoTime() - start) / 1e9;
        double w1 = ExactDistanceMonitor.of(data.sample(1000, -seed)).distance(generator.sample(1000, seed + 7));
        return new double[] {seconds / steps, w1};
    }

    private static double[] runTorch(String mode, int steps, int width, long seed)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", SCRIPT, "--mode", mode, "--steps",
                Integer.toString(steps), "--width", Integer.toString(width), "--batch", Integer.toString(BATCH),
                "--lr", Double.toString(LR), "--seed", Long.toString(seed), "--threads",
                Integer.toString(BenchProcess.threads()));
        BenchProcess.torchEnvironment(pb);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException("the PyTorch reference failed:\n" + output);
        }
        Matcher blas = Pattern.compile("\"blas\": \"([^\"]*)\"").matcher(output);
        lastBlas = blas.find() ? blas.group(1) : "?";
        return new double[] {number(output, "seconds_per_step"), number(output, "exact_w1")};
    }

    private static double number(CharSequence json, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IOException("no " + key + " in the PyTorch output:\n" + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
