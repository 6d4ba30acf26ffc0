package io.github.ot4j.examples.bench;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.multiscale.ShortlistSolver;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ot4j's exact solver against POT's {@code ot.emd2} (a C++ network simplex) on the same points in the same run.
 * For each n, x ~ N(0, I) and y ~ N((1, 1), I) in 2-D with n points each and uniform weights (seed n) are
 * written to a temporary file; rounds alternate between ot4j (in this JVM, after warm-up) and POT (a Python
 * process running {@code examples/src/main/python/pot_bench.py} on that file, timing only {@code ot.emd2} on a
 * cost matrix computed before by {@code ot.dist}). The ot4j time includes everything from the points: the
 * costs are part of its solve. Prints a Markdown table of medians, the ratio ot4j / POT and the values'
 * relative difference; then the WGAN-TS cases (64 × 64 batches, L1 cost, 64 and 784 dimensions, cold and
 * warm-started after a small perturbation of one batch).
 *
 * <p>Arguments (all optional): {@code sizes=64,256,1000,2000,4000,10000 rounds=5 python=/usr/bin/python3
 * script=examples/src/main/python/pot_bench.py wgan=true}. Run it with {@code -Xmx2g} to show that 10 000
 * points fit; the peak heap is printed. With {@code storage=1000,2000,4000} it instead times the network simplex
 * with costs computed on demand, cached as floats for pricing and cached as doubles (no POT). With
 * {@code single=10000} (and {@code onDemand=true}) it solves that size once and prints the peak heap. With
 * {@code large=10000,20000,50000} (see {@link LargeSizes}) it solves each size once with the shortlist solver and the
 * default solver up to {@code plainUpTo=20000} points, POT beside them up to {@code potUpTo=10000} points, and
 * prints time per phase, peak RSS and the scaling exponents; {@code threads=2 neighbours=16 violatedPerRow=32}
 * set the shortlist solver's options ({@code cost=sqeuclidean} the cost).
 */
public final class ExactSolverBenchmark {

    private ExactSolverBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code key=value} settings, see the class comment
     * @throws Exception if the Python side fails
     */
    public static void main(String[] args) throws Exception {
        String sizes = "64,256,1000,2000,4000,10000";
        int rounds = 5;
        String python = "/usr/bin/python3";
        String script = "examples/src/main/python/pot_bench.py";
        boolean wgan = true;
        String storage = "";
        int single = 0;
        boolean onDemand = false;
        String large = "";
        int potUpTo = 10000;
        int plainUpTo = 20000;
        ShortlistSolver.Options shortlist = ShortlistSolver.Options.DEFAULT;
        String costName = "euclidean";
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "sizes" -> sizes = kv[1];
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "python" -> python = kv[1];
                case "script" -> script = kv[1];
                case "wgan" -> wgan = Boolean.parseBoolean(kv[1]);
                case "storage" -> storage = kv[1];
                case "single" -> single = Integer.parseInt(kv[1]);
                case "onDemand" -> onDemand = Boolean.parseBoolean(kv[1]);
                case "large" -> large = kv[1];
                case "potUpTo" -> potUpTo = Integer.parseInt(kv[1]);
                case "cost" -> costName = kv[1];
                case "plainUpTo" -> plainUpTo = Integer.parseInt(kv[1]);
                case "threads" -> shortlist = shortlist.withThreads(Integer.parseInt(kv[1]));
                case "neighbours" -> shortlist = shortlist.withCandidates(Integer.parseInt(kv[1]),
                        shortlist.violatedPerRow());
                case "assignmentNeighbours" -> shortlist = shortlist.withAssignmentNeighbours(Integer.parseInt(kv[1]));
                case "violatedPerRow" -> shortlist = shortlist.withCandidates(shortlist.neighbours(),
                        Integer.parseInt(kv[1]));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "# java %s, %d processors, max heap %d MB; POT via %s%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, python);
        ExactSolver solver = ExactSolvers.defaultSolver();
        if (!large.isEmpty()) {
            LargeSizes.run(large, costName, potUpTo, plainUpTo, shortlist, python, script);
            return;
        }
        if (single > 0) {
            singleSolve(single, onDemand);
            return;
        }
        if (!storage.isEmpty()) {
            storageCases(storage, rounds);
            return;
        }
        System.out.println();
        System.out.println("| n = m | ot4j median (s) | POT emd2 median (s) | ratio ot4j/POT | POT dist (s) "
                + "| relative difference of values | rounds × solves |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (String s : sizes.split(",")) {
            int n = Integer.parseInt(s.trim());
            SplittableRandom random = new SplittableRandom(n);
            double[][] x = gaussian(random, n, 2, 0);
            double[][] y = gaussian(random, n, 2, 1);
            sizeRow(solver, python, script, x, y, GroundCost.euclidean(), "euclidean", n, rounds);
        }
        System.out.printf(Locale.ROOT, "%npeak heap used: %d MB%n", peakHeapMegabytes());
        if (wgan) {
            wganCases(solver, python, script);
            warmStartCases(solver, rounds);
        }
    }

    private static void sizeRow(ExactSolver solver, String python, String script, double[][] x, double[][] y,
                                GroundCost cost, String metric, int n, int rounds) throws Exception {
        Path file = writePoints(x, y);
        try {
            DiscreteMeasure mu = DiscreteMeasure.uniform(x);
            DiscreteMeasure nu = DiscreteMeasure.uniform(y);
            // warm-up: JIT-compile the solver on this size (at least 2 solves or 1 s)
            long start = System.nanoTime();
            double value = 0;
            int warmups = 0;
            while (warmups < 2 || (System.nanoTime() - start < 1_000_000_000L && warmups < 50)) {
                value = solver.solve(mu, nu, cost).value();
                warmups++;
            }
            double once = (System.nanoTime() - start) / 1e9 / warmups;
            int inner = (int) Math.max(1, Math.min(50, 0.5 / Math.max(once, 1e-6)));
            List<Double> java = new ArrayList<>();
            List<Double> pot = new ArrayList<>();
            double potValue = Double.NaN;
            double dist = Double.NaN;
            int roundsHere = n >= 5000 ? Math.min(rounds, 3) : rounds;
            for (int r = 0; r < roundsHere; r++) {
                for (int k = 0; k < inner; k++) {
                    long t0 = System.nanoTime();
                    value = solver.solve(mu, nu, cost).value();
                    java.add((System.nanoTime() - t0) / 1e9);
                }
                PotRun run = runPot(python, script, file, metric, inner);
                pot.addAll(run.seconds());
                potValue = run.value();
                dist = run.distSeconds();
            }
            double mj = median(java);
            double mp = median(pot);
            System.out.printf(Locale.ROOT, "| %d | %.4g | %.4g | %.2f | %.3g | %.1e | %d×%d |%n", n, mj, mp,
                    mj / mp, dist, Math.abs(value - potValue) / Math.abs(potValue), roundsHere, inner);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One cold solve of the 2-D clouds of size n, to see what heap it needs (run with a small -Xmx). */
    private static void singleSolve(int n, boolean onDemand) {
        SplittableRandom random = new SplittableRandom(n);
        TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(gaussian(random, n, 2, 0)),
                DiscreteMeasure.uniform(gaussian(random, n, 2, 1)), GroundCost.euclidean());
        ExactSolver solver = onDemand
                ? new NetworkSimplexSolver(NetworkSimplexSolver.Options.DEFAULT.withCacheLimits(0, 0))
                : ExactSolvers.defaultSolver();
        long t0 = System.nanoTime();
        double value = solver.solve(p).value();
        System.out.printf(Locale.ROOT, "n = m = %d, %s: value %.15g in %.2f s, peak heap used %d MB%n", n,
                onDemand ? "costs computed on demand" : "default options", value, (System.nanoTime() - t0) / 1e9,
                peakHeapMegabytes());
    }

    /**
     * Warm starts on larger clouds: x moved by ε·N(0, I), re-solved cold and from the potentials of the unmoved
     * problem, alternating.
     */
    private static void warmStartCases(ExactSolver solver, int rounds) {
        System.out.println();
        System.out.println("Warm starts, 2-D Euclidean, x moved by ε·N(0, I) after a solve; median per solve.");
        System.out.println();
        System.out.println("| n = m | ε | cold (s) | warm (s) | speed-up |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int n : new int[] {1000, 2000}) {
            for (double eps : new double[] {0.001, 0.01, 0.1}) {
                SplittableRandom random = new SplittableRandom(n);
                double[][] x = gaussian(random, n, 2, 0);
                DiscreteMeasure nu = DiscreteMeasure.uniform(gaussian(random, n, 2, 1));
                Potentials before = solver.solve(DiscreteMeasure.uniform(x), nu, GroundCost.euclidean()).potentials();
                double[][] moved = new double[n][];
                for (int i = 0; i < n; i++) {
                    moved[i] = new double[] {x[i][0] + eps * gauss(random), x[i][1] + eps * gauss(random)};
                }
                TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(moved), nu, GroundCost.euclidean());
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    double vc = solver.solve(p).value();
                    long t1 = System.nanoTime();
                    double vw = solver.solve(p, before).value();
                    long t2 = System.nanoTime();
                    if (Math.abs(vc - vw) > 1e-9 * vc) {
                        throw new IllegalStateException("warm and cold values differ: " + vw + " vs " + vc);
                    }
                    cold.add((t1 - t0) / 1e9);
                    warm.add((t2 - t1) / 1e9);
                }
                System.out.printf(Locale.ROOT, "| %d | %g | %.4g | %.4g | %.2f |%n", n, eps, median(cold), median(warm),
                        median(cold) / median(warm));
            }
        }
    }

    /** The network simplex with its three ways to store costs, alternating, on the same 2-D clouds. */
    private static void storageCases(String sizes, int rounds) {
        NetworkSimplexSolver.Options base = NetworkSimplexSolver.Options.DEFAULT;
        String[] names = {"computed on demand", "float price cache", "double cache"};
        NetworkSimplexSolver[] solvers = {
            new NetworkSimplexSolver(base.withCacheLimits(0, 0)),
            new NetworkSimplexSolver(base.withCacheLimits(0, Long.MAX_VALUE)),
            new NetworkSimplexSolver(base.withCacheLimits(Long.MAX_VALUE, Long.MAX_VALUE))};
        System.out.println();
        System.out.println("| n = m | " + String.join(" (s) | ", names) + " (s) |");
        System.out.println("|---:|---:|---:|---:|");
        for (String s : sizes.split(",")) {
            int n = Integer.parseInt(s.trim());
            SplittableRandom random = new SplittableRandom(n);
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(gaussian(random, n, 2, 0)),
                    DiscreteMeasure.uniform(gaussian(random, n, 2, 1)), GroundCost.euclidean());
            List<List<Double>> times = new ArrayList<>();
            for (NetworkSimplexSolver solver : solvers) {
                solver.solve(p);
                times.add(new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < solvers.length; k++) {
                    long t0 = System.nanoTime();
                    solvers[k].solve(p);
                    times.get(k).add((System.nanoTime() - t0) / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %.4g | %.4g | %.4g |%n", n, median(times.get(0)),
                    median(times.get(1)), median(times.get(2)));
        }
    }

    private static void wganCases(ExactSolver solver, String python, String script) throws Exception {
        System.out.println();
        System.out.println("WGAN-TS batches: 64 × 64, L1 cost, uniform weights; median per solve after warm-up.");
        System.out.println();
        System.out.println("| d | ot4j from points, cold (ms) | ot4j from points, warm (ms) | ot4j on precomputed costs, "
                + "cold (ms) | ot4j on precomputed costs, warm (ms) | POT emd2 on precomputed costs (ms) | POT dist + emd2 (ms) "
                + "| relative difference of values |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int d : new int[] {64, 784}) {
            SplittableRandom random = new SplittableRandom(d);
            double[][] x = gaussian(random, 64, d, 0);
            double[][] y = gaussian(random, 64, d, 0.3);
            DiscreteMeasure nu = DiscreteMeasure.uniform(y);
            GroundCost cost = GroundCost.cityblock();
            // a training-like sequence: each batch is the previous one moved a little (a generator step)
            int steps = 2000;
            double[][][] batches = new double[steps][][];
            double[][] current = x;
            for (int s = 0; s < steps; s++) {
                double[][] next = new double[64][d];
                for (int i = 0; i < 64; i++) {
                    for (int k = 0; k < d; k++) {
                        next[i][k] = current[i][k] + 0.01 * gauss(random);
                    }
                }
                batches[s] = next;
                current = next;
            }
            for (int s = 0; s < 500; s++) {
                solver.solve(DiscreteMeasure.uniform(batches[s]), nu, cost);
            }
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> coldDense = new ArrayList<>();
            List<Double> warmDense = new ArrayList<>();
            Potentials previous = solver.solve(DiscreteMeasure.uniform(batches[0]), nu, cost).potentials();
            double value = 0;
            for (int s = 1; s < steps; s++) {
                TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(batches[s]), nu, cost);
                long t0 = System.nanoTime();
                TransportResult rc = solver.solve(p);
                long t1 = System.nanoTime();
                TransportResult rw = solver.solve(p, previous);
                long t2 = System.nanoTime();
                cold.add((t1 - t0) / 1e9);
                warm.add((t2 - t1) / 1e9);
                TransportProblem dense = TransportProblem.of(p.a(), p.b(), p.cost().dense());
                long t3 = System.nanoTime();
                solver.solve(dense);
                long t4 = System.nanoTime();
                solver.solve(dense, previous);
                long t5 = System.nanoTime();
                coldDense.add((t4 - t3) / 1e9);
                warmDense.add((t5 - t4) / 1e9);
                if (Math.abs(rc.value() - rw.value()) > 1e-9 * rc.value()) {
                    throw new IllegalStateException("warm and cold values differ: " + rw.value() + " vs " + rc.value());
                }
                previous = rw.potentials();
                value = rc.value();
            }
            Path file = writePoints(batches[steps - 1], y);
            try {
                PotRun run = runPot(python, script, file, "cityblock", 500);
                double emd = median(run.seconds());
                System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1e |%n", d,
                        1e3 * median(cold), 1e3 * median(warm), 1e3 * median(coldDense), 1e3 * median(warmDense),
                        1e3 * emd, 1e3 * (emd + run.distSeconds()),
                        Math.abs(value - run.value()) / run.value());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    record PotRun(double value, List<Double> seconds, double distSeconds) {
    }

    static PotRun runPot(String python, String script, Path file, String metric, int repeats)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script, file.toString(), metric, Integer.toString(repeats));
        pb.redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
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
            throw new IOException("POT benchmark failed: " + out);
        }
        String json = out.toString();
        Matcher rss = Pattern.compile("\"max_rss_mb\":\\s*([-+0-9.eE]+)").matcher(json);
        LargeSizes.potPeakRss = rss.find() ? String.format(Locale.ROOT, "%.0f", Double.parseDouble(rss.group(1))) : null;
        double value = Double.parseDouble(field(json, "\"value\":\\s*([-+0-9.eE]+)"));
        double dist = Double.parseDouble(field(json, "\"dist_seconds\":\\s*([-+0-9.eE]+)"));
        List<Double> seconds = new ArrayList<>();
        for (String t : field(json, "\"seconds\":\\s*\\[([^]]*)]").split(",")) {
            seconds.add(Double.parseDouble(t.trim()));
        }
        return new PotRun(value, seconds, dist);
    }

    static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + json);
        }
        return m.group(1);
    }

    static Path writePoints(double[][] x, double[][] y) throws IOException {
        Path file = Files.createTempFile("ot4j-bench", ".txt");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(x.length + " " + y.length + " " + x[0].length + "\n");
            for (double[][] pts : new double[][][] {x, y}) {
                for (double[] p : pts) {
                    StringBuilder line = new StringBuilder();
                    for (int k = 0; k < p.length; k++) {
                        line.append(k == 0 ? "" : " ").append(p[k]);
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
        return file;
    }

    static double[][] gaussian(SplittableRandom random, int n, int d, double mean) {
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = mean + gauss(random);
            }
        }
        return p;
    }

    private static double gauss(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
