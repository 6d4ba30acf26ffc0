package io.github.ot4j.examples.bench;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.multiscale.ShortlistSolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The large sizes of {@link ExactSolverBenchmark} ({@code large=10000,20000,…}): for each n, the 2-D clouds of
 * the benchmark (x ~ N(0, I), y ~ N((1, 1), I), seed n) solved once by the {@link ShortlistSolver} (time per
 * phase from its listener, level 0 and the coarser levels apart), once by the default solver, and by POT's
 * {@code emd2} where n ≤ potUpTo (its dense cost matrix is 8·n² bytes). Peak RSS: the JVM's VmHWM, which only
 * grows, so each row shows the peak so far (run one size per JVM for a clean figure); POT's is its process's.
 */
final class LargeSizes {

    private LargeSizes() {
    }

    static void run(String sizes, String costName, int potUpTo, String python, String script) throws Exception {
        GroundCost cost = GroundCost.named(costName);
        System.out.println();
        System.out.println("| n = m | cost | shortlist (s) | coarse levels (s) | candidates (s) | simplex (s) | pricing (s) "
                + "| rounds | arcs | JVM peak RSS (MB) | default solver (s) | POT emd2 (s) | POT peak RSS (MB) "
                + "| relative difference |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String s : sizes.split(",")) {
            int n = Integer.parseInt(s.trim());
            SplittableRandom random = new SplittableRandom(n);
            double[][] x = ExactSolverBenchmark.gaussian(random, n, 2, 0);
            double[][] y = ExactSolverBenchmark.gaussian(random, n, 2, 1);
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
            Map<ShortlistSolver.Phase, Double> phases = new EnumMap<>(ShortlistSolver.Phase.class);
            double[] last = {0};
            double[] coarse = {0};
            int[] rounds = {0};
            long[] arcs = {0};
            ShortlistSolver solver = new ShortlistSolver(ShortlistSolver.Options.DEFAULT.withListener(q -> {
                double dt = q.elapsedSeconds() - last[0];
                last[0] = q.elapsedSeconds();
                if (q.level() > 0) {
                    coarse[0] += dt;
                } else {
                    phases.merge(q.phase(), dt, Double::sum);
                    rounds[0] = q.round();
                    arcs[0] = q.activeArcs();
                }
                System.err.println(q);
            }));
            long t0 = System.nanoTime();
            TransportResult r = solver.solve(p);
            double shortlist = (System.nanoTime() - t0) / 1e9;
            long rss = peakRssMegabytes();
            double plain = Double.NaN;
            if (n <= 20000) {
                long t1 = System.nanoTime();
                TransportResult d = ExactSolvers.defaultSolver().solve(p);
                plain = (System.nanoTime() - t1) / 1e9;
                if (Math.abs(d.value() - r.value()) > 1e-12 * d.value()) {
                    throw new IllegalStateException("values differ: " + r.value() + " vs " + d.value());
                }
            }
            String pot = "—";
            String potRss = "—";
            String diff = "—";
            if (n <= potUpTo) {
                Path file = ExactSolverBenchmark.writePoints(x, y);
                try {
                    ExactSolverBenchmark.PotRun run = ExactSolverBenchmark.runPot(python, script, file, costName, 1);
                    pot = String.format(Locale.ROOT, "%.1f", run.seconds().get(0));
                    potRss = potPeakRss == null ? "?" : potPeakRss;
                    diff = String.format(Locale.ROOT, "%.1e", Math.abs(run.value() - r.value()) / run.value());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %s | %s | %s | %s |%n",
                    n, costName, shortlist, coarse[0], phases.getOrDefault(ShortlistSolver.Phase.CANDIDATES, 0.0),
                    phases.getOrDefault(ShortlistSolver.Phase.SIMPLEX, 0.0),
                    phases.getOrDefault(ShortlistSolver.Phase.PRICING, 0.0), rounds[0], arcs[0], rss,
                    Double.isNaN(plain) ? "—" : String.format(Locale.ROOT, "%.1f", plain), pot, potRss, diff);
        }
    }

    /** POT's peak RSS (MB) as reported by the last {@link ExactSolverBenchmark#runPot} call, or null. */
    static String potPeakRss;

    /** @return the JVM's peak resident set (VmHWM), in MB, or −1 off Linux */
    static long peakRssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }
}
