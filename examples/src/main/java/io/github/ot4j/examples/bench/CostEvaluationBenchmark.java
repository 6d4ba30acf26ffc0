package io.github.ot4j.examples.bench;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.PointCostMatrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost evaluation from points: ot4j's {@link PointCostMatrix#block} (all n × m costs into one array) against
 * SciPy's {@code cdist}, for the L1, Euclidean and squared Euclidean costs at d = 2 … 1024 on n = m points of
 * N(0, I) (256 by default, the WGAN-TS batch). Rounds alternate between this JVM (after warm-up) and a Python
 * process running {@code examples/src/main/python/cdist_bench.py} with the same shapes; each round times
 * {@code repeats} evaluations on each side. Prints a Markdown table of medians and the ratio ot4j / SciPy, plus
 * the pair-by-pair loop ({@link CostMatrix#get}) for comparison.
 *
 * <p>Arguments (all optional): {@code n=256 dims=2,16,64,256,784,1024 rounds=5 repeats=20 python=/usr/bin/python3
 * script=examples/src/main/python/cdist_bench.py}.
 */
public final class CostEvaluationBenchmark {

    private CostEvaluationBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code key=value} settings, see the class comment
     * @throws Exception if the Python side fails
     */
    public static void main(String[] args) throws Exception {
        int n = 256;
        String dims = "2,16,64,256,784,1024";
        int rounds = 5;
        int repeats = 20;
        String python = "/usr/bin/python3";
        String script = "examples/src/main/python/cdist_bench.py";
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "n" -> n = Integer.parseInt(kv[1]);
                case "dims" -> dims = kv[1];
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "repeats" -> repeats = Integer.parseInt(kv[1]);
                case "python" -> python = kv[1];
                case "script" -> script = kv[1];
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        System.out.printf(Locale.ROOT, "# java %s, %d processors; SciPy via %s; n = m = %d, %d rounds x %d%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), python, n, rounds,
                repeats);
        System.out.println("| cost | d | ot4j block (ms) | SciPy cdist (ms) | ratio ot4j/cdist | ot4j pair loop (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        String[] metrics = {"cityblock", "euclidean", "sqeuclidean"};
        for (String metric : metrics) {
            for (String ds : dims.split(",")) {
                int d = Integer.parseInt(ds.trim());
                SplittableRandom random = new SplittableRandom(d);
                PointCostMatrix c = (PointCostMatrix) CostMatrix.between(DiscreteMeasure.uniform(normal(random, n, d)),
                        DiscreteMeasure.uniform(normal(random, n, d)), GroundCost.named(metric));
                double[] out = new double[n * n];
                long warm = System.nanoTime();
                while (System.nanoTime() - warm < 300_000_000L) {
                    c.block(0, n, 0, n, out);
                    pairLoop(c, out);
                }
                List<Double> java = new ArrayList<>();
                List<Double> loop = new ArrayList<>();
                List<Double> scipy = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < repeats; k++) {
                        long t0 = System.nanoTime();
                        c.block(0, n, 0, n, out);
                        long t1 = System.nanoTime();
                        pairLoop(c, out);
                        long t2 = System.nanoTime();
                        java.add((t1 - t0) / 1e6);
                        loop.add((t2 - t1) / 1e6);
                    }
                    scipy.addAll(runCdist(python, script, n, d, metric, repeats));
                }
                double mj = median(java);
                double ms = median(scipy);
                System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f | %.3f |%n", metric, d, mj, ms, mj / ms,
                        median(loop));
            }
        }
    }

    private static void pairLoop(CostMatrix c, double[] out) {
        int m = c.cols();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = c.get(i, j);
            }
        }
    }

    private static List<Double> runCdist(String python, String script, int n, int d, String metric, int repeats)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script, Integer.toString(n), Integer.toString(d), metric,
                Integer.toString(repeats));
        pb.redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process process = pb.start();
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                text.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException("cdist benchmark failed: " + text);
        }
        Matcher matcher = Pattern.compile("\"seconds\":\\s*\\[([^]]*)]").matcher(text);
        if (!matcher.find()) {
            throw new IOException("no seconds in " + text);
        }
        List<Double> ms = new ArrayList<>();
        for (String t : matcher.group(1).split(",")) {
            ms.add(1e3 * Double.parseDouble(t.trim()));
        }
        return ms;
    }

    private static double[][] normal(SplittableRandom random, int n, int d) {
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                double u = 1 - random.nextDouble();
                row[k] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        return p;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
