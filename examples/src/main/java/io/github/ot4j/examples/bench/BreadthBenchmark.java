package io.github.ot4j.examples.bench;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.entropic.EntropicTransport;
import io.github.ot4j.core.entropic.UnbalancedTransport;
import io.github.ot4j.core.oned.Wasserstein1d;
import io.github.ot4j.core.sliced.SlicedWasserstein;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ot-core's entropic, unbalanced, sliced and 1-D solvers against POT 0.8.2 on the same points in the same run.
 * Points: x ~ N(0, I), y ~ N(1, 0.7² I) (seed n), uniform weights, written to a temporary file; rounds alternate
 * between ot4j (this JVM, after {@code warmup} untimed calls) and POT (a Python process running
 * {@code examples/src/main/python/breadth_bench.py}, timing one call). Both timings include the costs from the
 * points. Cases: {@code sinkhorn2(method='sinkhorn_log')} in 2-D, squared Euclidean, ε = 0.5 and 0.1 × the median
 * cost, tolerance 1e-6 on each side's own marginal rule (ot4j: L1 error of the rows every iteration; POT: L2 error of
 * the columns, checked every 10 iterations); {@code sinkhorn_unbalanced2} with the same two ε, ρ = 1, tolerance
 * 1e-6; both at n = 1000 and 10 000 ({@code dense=}); {@code sliced_wasserstein_distance} in 3-D, p = 2, 200
 * directions (different directions on each side: the values differ by Monte Carlo error); {@code wasserstein_1d},
 * p = 2. Prints a Markdown table of medians, the ratio ot4j / POT, the values' relative difference and the load
 * average after each row, between two {@code Machine:} lines (CPU, Java, the JVM's max heap, the load average).
 *
 * <p>Arguments (all optional): {@code rounds=3 warmup=1 dense=1000,10000 bigRounds=1 python=/usr/bin/python3
 * script=examples/src/main/python/breadth_bench.py only=sinkhorn,unbalanced,sliced,oned} ({@code only}: run only
 * the named cases, comma-separated; all by default; {@code bigRounds}: the rounds of the dense cases above 2000
 * points, where one POT call takes minutes). {@code warmup=W}: W untimed ot4j calls before the timed rounds, and
 * W − 1 untimed POT calls before the timed one in each Python process (the default, 1, warms only the JVM, whose
 * first call includes class loading and JIT compilation; a larger W measures both sides warm). At n = 10 000 the
 * dense cases hold 10<sup>8</sup> costs: ot4j two 800 MB arrays (costs and kernel; the default max heap, a quarter
 * of the memory, is enough from 8 GB), POT its cost matrix and a few temporaries of the same size.
 */
public final class BreadthBenchmark {

    private static final double TOLERANCE = 1e-6;

    /** Sizes above this are "big": {@code bigRounds} rounds, a sampled median cost. */
    private static final int BIG = 2000;

    /** Untimed calls before the timed ones, on each side (ot4j in this JVM, POT in each Python process). */
    private static int warmupCalls = 1;

    private BreadthBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code key=value} settings, see the class comment
     * @throws Exception if the Python side fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = 3;
        String python = "/usr/bin/python3";
        String script = "examples/src/main/python/breadth_bench.py";
        String only = null;
        int warmup = 1;
        int[] dense = {1000, 10_000};
        int bigRounds = 1;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "python" -> python = kv[1];
                case "script" -> script = kv[1];
                case "only" -> only = kv[1];
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "dense" -> dense = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "bigRounds" -> bigRounds = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0 but is " + warmup);
        }
        warmupCalls = warmup;
        System.out.printf(Locale.ROOT, "Machine: %s, %d processors, Java %s, max heap %.1f GiB, python %s, load "
                + "average %s at the start; %d rounds (%d for dense n > %d), medians, untimed calls before: ot4j %d, POT "
                + "%d per process (dense n > %d: ot4j at most 1, POT 0)%s%n%n", BenchProcess.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (double) (1L << 30), python,
                load(), rounds, bigRounds, BIG, warmup, Math.max(0, warmup - 1), BIG, only == null ? "" : ", only " + only);
        System.out.println("| method | n = m | parameters | ot4j (s) | POT (s) | ratio ot4j/POT | rel. value diff | "
                + "load after |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int n : selected(only, "sinkhorn") ? dense : new int[0]) {
            double[][][] xy = clouds(n, 2);
            double median = medianSqCost(xy[0], xy[1]);
            DiscreteMeasure mu = DiscreteMeasure.uniform(xy[0]);
            DiscreteMeasure nu = DiscreteMeasure.uniform(xy[1]);
            EntropicTransport.Options options = EntropicTransport.Options.DEFAULT.withTolerance(TOLERANCE);
            for (double rel : new double[] {0.5, 0.1}) {
                double eps = rel * median;
                row("sinkhorn (log)", n, String.format(Locale.ROOT, "eps = %.2f x median = %.4g", rel, eps), xy,
                        () -> EntropicTransport.solve(mu, nu, GroundCost.squaredEuclidean(), eps, options).sinkhorn(),
                        n > BIG ? bigRounds : rounds, python, script, "sinkhorn", Double.toString(eps),
                        Double.toString(TOLERANCE));
            }
        }
        for (int n : selected(only, "unbalanced") ? dense : new int[0]) {
            double[][][] xy = clouds(n, 2);
            double median = medianSqCost(xy[0], xy[1]);
            DiscreteMeasure mu = DiscreteMeasure.uniform(xy[0]);
            DiscreteMeasure nu = DiscreteMeasure.uniform(xy[1]);
            UnbalancedTransport.Options options = new UnbalancedTransport.Options(TOLERANCE, 100_000);
            for (double rel : new double[] {0.5, 0.1}) {
                double eps = rel * median;
                row("unbalanced", n, String.format(Locale.ROOT, "eps = %.2f x median = %.4g, rho = 1", rel, eps), xy,
                        () -> UnbalancedTransport.solve(mu.weights(), nu.weights(),
                                io.github.ot4j.core.CostMatrix.between(mu, nu, GroundCost.squaredEuclidean()), eps, 1,
                                options).cost(),
                        n > BIG ? bigRounds : rounds, python, script, "unbalanced", Double.toString(eps), "1.0",
                        Double.toString(TOLERANCE));
            }
        }
        for (int n : selected(only, "sliced") ? new int[] {1000, 10_000} : new int[0]) {
            double[][][] xy = clouds(n, 3);
            DiscreteMeasure mu = DiscreteMeasure.uniform(xy[0]);
            DiscreteMeasure nu = DiscreteMeasure.uniform(xy[1]);
            row("sliced", n, "p = 2, K = 200", xy, () -> SlicedWasserstein.distance(mu, nu, 2, 200, 1).value(),
                    rounds, python, script, "sliced", "2", "200", "1");
        }
        for (int n : selected(only, "oned") ? new int[] {1000, 10_000, 100_000} : new int[0]) {
            double[][][] xy = clouds(n, 1);
            DiscreteMeasure mu = DiscreteMeasure.uniform(xy[0]);
            DiscreteMeasure nu = DiscreteMeasure.uniform(xy[1]);
            row("1-D W_p", n, "p = 2", xy, () -> Wasserstein1d.distance(mu, nu, 2), rounds, python, script, "oned",
                    "2");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: load average %s at the end%n", load());
    }

    /** @return whether the rows of this case run: all without {@code only=}, else the named ones (comma-separated) */
    private static boolean selected(String only, String name) {
        return only == null || Arrays.asList(only.split(",")).contains(name);
    }

    private static void row(String method, int n, String parameters, double[][][] xy, DoubleSupplier java,
            int rounds, String python, String script, String... potArgs) throws IOException, InterruptedException {
        Path file = write(xy);
        try {
            double value = Double.NaN;
            int warm = method.startsWith("sinkhorn") || method.startsWith("unbalanced") ? warmupFor(n) : warmupCalls;
            for (int w = 0; w < warm; w++) {
                value = java.getAsDouble();
            }
            List<Double> tj = new ArrayList<>();
            List<Double> tp = new ArrayList<>();
            double potValue = Double.NaN;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                value = java.getAsDouble();
                tj.add((System.nanoTime() - t0) / 1e9);
                double[] pot = runPot(python, script, file, Math.max(0, warm - 1), potArgs);
                potValue = pot[0];
                tp.add(pot[1]);
            }
            double mj = median(tj);
            double mp = median(tp);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.4g | %.4g | %.2f | %.1e | %s |%n", method, n, parameters,
                    mj, mp, mj / mp, Math.abs(value - potValue) / Math.abs(potValue), load());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * @return the untimed ot4j calls before a dense row of n points: {@code warmup}, but at most 1 above
     *         {@value #BIG} points (the JIT is warm from the smaller rows, and one POT call there takes minutes: POT
     *         gets none)
     */
    private static int warmupFor(int n) {
        return n > BIG ? Math.min(1, warmupCalls) : warmupCalls;
    }

    private static double[][][] clouds(int n, int d) {
        SplittableRandom r = new SplittableRandom(n * 31L + d);
        double[][] x = new double[n][d];
        double[][] y = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = r.nextGaussian();
                y[i][k] = 1 + 0.7 * r.nextGaussian();
            }
        }
        return new double[][][] {x, y};
    }

    /**
     * The median squared Euclidean cost: exact up to {@value #BIG} points a side, else over the pairs (i, j) with i
     * and j multiples of n / 1000 (10<sup>6</sup> pairs; sorting all 10<sup>8</sup> would take longer than a solve).
     */
    private static double medianSqCost(double[][] x, double[][] y) {
        int sx = x.length > BIG ? x.length / 1000 : 1;
        int sy = y.length > BIG ? y.length / 1000 : 1;
        double[] c = new double[((x.length + sx - 1) / sx) * ((y.length + sy - 1) / sy)];
        int k = 0;
        for (int i = 0; i < x.length; i += sx) {
            for (int j = 0; j < y.length; j += sy) {
                c[k++] = GroundCost.squaredEuclidean().between(x[i], y[j]);
            }
        }
        Arrays.sort(c, 0, k);
        return c[k / 2];
    }

    /** @return the 1-, 5- and 15-minute load averages, from {@code /proc/loadavg} (or "?" where there is none) */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Path write(double[][][] xy) throws IOException {
        Path file = Files.createTempFile("ot4j-breadth", ".txt");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(xy[0].length + " " + xy[1].length + " " + xy[0][0].length + "\n");
            for (double[][] cloud : xy) {
                for (double[] p : cloud) {
                    StringBuilder line = new StringBuilder();
                    for (double v : p) {
                        line.append(line.length() == 0 ? "" : " ").append(v);
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
        return file;
    }

    /** @return POT's value and seconds */
    private static double[] runPot(String python, String script, Path file, int potWarmup, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script, file.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("BREADTH_WARMUP", Integer.toString(potWarmup));
        Process process = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException("POT side failed: " + out);
        }
        Matcher v = Pattern.compile("\"value\": ([-0-9.eE+naNinf]+)").matcher(out);
        Matcher s = Pattern.compile("\"seconds\": ([-0-9.eE+]+)").matcher(out);
        if (!v.find() || !s.find()) {
            throw new IOException("unexpected POT output: " + out);
        }
        return new double[] {Double.parseDouble(v.group(1)), Double.parseDouble(s.group(1))};
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
