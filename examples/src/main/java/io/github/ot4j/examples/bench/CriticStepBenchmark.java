package io.github.ot4j.examples.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.train.CriticIteration;
import io.github.ot4j.critic.train.CriticTrainer;
import io.github.ot4j.critic.train.TwoStepCriticTrainer;
import io.github.ot4j.critic.internal.Nd4jSetup;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Median time of one critic step of ot4j (DL4J) next to the same step in PyTorch, on the same machine in the
 * same run, alternating the two: MLP 2 → 512 → 512 → 512 → 1 with LeakyReLU(0.01), 256 real and 256 fake rows,
 * float32, with 1 and then 2 threads each side (ot4j in a child JVM per thread count with {@code OPENBLAS_CORETYPE},
 * {@code OMP_NUM_THREADS} and {@code MKL_*} removed from its environment, threads set by the library's
 * {@code -Dot4j.nd4j.threads}; PyTorch: {@code torch.set_num_threads(n)} with {@code OMP_WAIT_POLICY=PASSIVE}).
 *
 * <ul>
 *   <li>clipping: WGAN loss, RMSProp(5·10<sup>−5</sup>), clip to ±0.01;</li>
 *   <li>GP: WGAN loss + gradient penalty (λ = 10; PyTorch by autograd double backprop, ot4j analytically),
 *       Adam(10<sup>−4</sup>, 0.5, 0.9);</li>
 *   <li>one-sided: the same with the one-sided penalty λ·E[max(0, ‖∇f‖ − 1)²] (WGAN-LP);</li>
 *   <li>spectral: WGAN loss, Adam(10<sup>−4</sup>, 0.5, 0.9), then every layer's weights divided by their
 *       spectral norm from one power iteration with persistent vectors (ot4j's projection, the same on both
 *       sides);</li>
 *   <li>WGAN-TS: exact batch targets (ot4j: ot-core's default solver; PyTorch side: POT's {@code ot.emd}), L1
 *       cost, 5 regression steps of Adam(10<sup>−4</sup>, 0.5, 0.999), weight scaling.</li>
 * </ul>
 *
 * <p>Run from the repository root: {@code mvn -q -pl examples -am compile exec:java
 * -Dexec.mainClass=io.github.ot4j.examples.bench.CriticStepBenchmark} or from an IDE. Arguments (optional):
 * rounds (default 5), steps per round (default 10), path of {@code torch_critic_bench.py}, python executable
 * (default {@code /usr/bin/python3}).
 */
public final class CriticStepBenchmark {

    private static final int BATCH = 256;
    private static final int WARMUP = 3;
    private static final List<String> METHODS = List.of("clipping", "gp", "one-sided", "spectral", "wgan-ts");

    private CriticStepBenchmark() {
    }

    /**
     * Runs the benchmark and prints a markdown table.
     *
     * @param args rounds, steps per round, script path, python executable (all optional)
     * @throws Exception if PyTorch cannot be run
     */
    public static void main(String[] args) throws Exception {
        if (BenchProcess.runChildren(CriticStepBenchmark.class, args, 1, 2)) {
            return;
        }
        Nd4jSetup.ensure();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String script = args.length > 2 ? args[2] : findScript();
        String python = args.length > 3 ? args[3] : "/usr/bin/python3";

        SplittableRandom random = new SplittableRandom(7);
        INDArray real = Nd4j.create(gaussian(random, BATCH, 1.0)).castTo(DataType.FLOAT);
        INDArray[] fakes = new INDArray[2];
        for (int b = 0; b < fakes.length; b++) {
            fakes[b] = Nd4j.create(gaussian(random, BATCH, 0.0)).castTo(DataType.FLOAT);
        }

        Map<String, List<Double>> java = new LinkedHashMap<>();
        Map<String, List<Double>> torch = new LinkedHashMap<>();
        for (String m : METHODS) {
            java.put(m, new ArrayList<>());
            torch.put(m, new ArrayList<>());
        }
        String torchBlas = "";
        for (int r = 0; r < rounds; r++) {
            for (String m : METHODS) {
                CriticIteration it = iteration(m);
                for (int s = 0; s < WARMUP + steps; s++) {
                    long t0 = System.nanoTime();
                    it.step(real, fakes[s % fakes.length], s); // alternating fake batches: no target cache hit
                    long t1 = System.nanoTime();
                    if (s >= WARMUP) {
                        java.get(m).add((t1 - t0) / 1e6);
                    }
                }
            }
            torchBlas = runTorch(python, script, steps, torch);
            System.err.printf(Locale.ROOT, "round %d/%d done%n", r + 1, rounds);
        }

        int t = BenchProcess.threads();
        System.out.println();
        System.out.println("Threads " + t + " each side. ot4j: " + Nd4jSetup.describe() + ". PyTorch: "
                + torchBlas + ", torch.set_num_threads(" + t + "), OMP_WAIT_POLICY=PASSIVE. " + rounds
                + " rounds x " + steps + " steps per method, alternating ot4j and PyTorch.");
        System.out.println();
        System.out.println("| critic step (2-512-512-512-1, batch 256+256, float32), " + t + " thread(s) | "
                + "ot4j median ms | PyTorch median ms | ratio ot4j / PyTorch |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String m : METHODS) {
            double a = median(java.get(m));
            double b = median(torch.get(m));
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", m, a, b, a / b);
        }
    }

    private static CriticIteration iteration(String method) {
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {512, 512, 512}, Activation.LEAKYRELU,
                DataType.FLOAT, 1));
        switch (method) {
            case "clipping":
                return CriticTrainer.wgan(critic);
            case "gp":
                return CriticTrainer.wganGp(critic);
            case "one-sided":
                return CriticTrainer.of(critic, OneSidedGradientPenalty.wganLp());
            case "spectral":
                return CriticTrainer.of(critic, SpectralNormalization.miyato(1));
            default:
                return TwoStepCriticTrainer.of(critic, GroundCost.cityblock());
        }
    }

    /** @return the BLAS line PyTorch printed */
    private static String runTorch(String python, String script, int steps, Map<String, List<Double>> into)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script, "--steps", Integer.toString(steps), "--warmup",
                Integer.toString(WARMUP), "--batch", Integer.toString(BATCH), "--threads",
                Integer.toString(BenchProcess.threads()));
        BenchProcess.torchEnvironment(pb);
        String blas = "";
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("blas ")) {
                    blas = line.substring(5).trim();
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && into.containsKey(parts[0])) {
                    for (int i = 1; i < parts.length; i++) {
                        into.get(parts[0]).add(Double.parseDouble(parts[i]));
                    }
                }
            }
        }
        int rc = process.waitFor();
        if (rc != 0) {
            throw new IOException(python + " " + script + " exited with " + rc);
        }
        return blas;
    }

    private static String findScript() {
        for (String candidate : new String[] {"examples/src/main/python/torch_critic_bench.py",
                "src/main/python/torch_critic_bench.py"}) {
            if (new File(candidate).isFile()) {
                return candidate;
            }
        }
        throw new IllegalStateException("torch_critic_bench.py not found; pass its path as the third argument");
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[][] gaussian(SplittableRandom random, int n, double mean) {
        double[][] p = new double[n][2];
        for (double[] row : p) {
            for (int k = 0; k < 2; k++) {
                row[k] = mean + Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        return p;
    }
}
