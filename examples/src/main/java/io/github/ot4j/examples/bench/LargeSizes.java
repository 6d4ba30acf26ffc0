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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The large sizes of {@link ExactSolverBenchmark} ({@code large=10000,20000,…}): for each n, the 2-D clouds of
 * the benchmark (x ~ N(0, I), y ~ N((1, 1), I), seed n) solved once by the {@link ShortlistSolver} (time per
 * phase from its listener, level 0 and the coarser levels apart, simplex pivots or, on the assignment path, the
 * columns its searches settled, rounds, arcs), once by the default
 * solver where n ≤ plainUpTo, and by POT's {@code emd2} where n ≤ potUpTo (its dense cost matrix is 8·n² bytes).
 * Peak RSS: the JVM's VmHWM, reset (Linux {@code /proc/self/clear_refs}) before each solve, so it is the peak
 * of that solve over what the JVM already held; POT's is its process's. After the table, the scaling exponents
 * k (time ∝ n<sup>k</sup>) between consecutive sizes, for each side that ran both.
 *
 * <p>Further arguments: {@code plainUpTo=20000 threads=2 neighbours=16 violatedPerRow=32} (the shortlist
 * solver's {@link ShortlistSolver.Options}; the defaults where absent).
 */
final class LargeSizes {

    private LargeSizes() {
    }

    /** One row's times, for the exponents. */
    private record Row(int n, double shortlist, double plain, double pot) {
    }

    static void run(String sizes, String costName, int potUpTo, int plainUpTo, ShortlistSolver.Options base,
                    String python, String script) throws Exception {
        GroundCost cost = GroundCost.named(costName);
        System.out.printf(Locale.ROOT, "Machine: %d processors; Java %s; max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "Threads %d for the shortlist solver's passes (neighbours %d, %d on the"
                + " assignment path, violated per row %d, coarsening %d, dense below %d^2); the default solver and POT"
                + " single-threaded.%n", base.threads(), base.neighbours(), base.assignmentNeighbours(),
                base.violatedPerRow(), base.coarseFactor(), base.baseSize());
        System.out.println();
        System.out.println("| n = m | cost | shortlist (s) | coarse levels (s) | candidates (s) | simplex (s) "
                + "| assignment (s) | pricing (s) | rounds | pivots or settled | arcs | shortlist peak RSS (MB) "
                + "| default solver (s) | default peak RSS (MB) | POT emd2 (s) | POT peak RSS (MB) | relative difference |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Row> rows = new ArrayList<>();
        for (String s : sizes.split(",")) {
            int n = Integer.parseInt(s.trim());
            SplittableRandom random = new SplittableRandom(n);
            double[][] x = ExactSolverBenchmark.gaussian(random, n, 2, 0);
            double[][] y = ExactSolverBenchmark.gaussian(random, n, 2, 1);
            TransportProblem p = TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), cost);
            Map<ShortlistSolver.Phase, Double> phases = new EnumMap<>(ShortlistSolver.Phase.class);
            double[] last = {0};
            double[] coarse = {0};
            long[] counts = new long[3];
            ShortlistSolver solver = new ShortlistSolver(base.withListener(q -> {
                double dt = q.elapsedSeconds() - last[0];
                last[0] = q.elapsedSeconds();
                if (q.level() > 0) {
                    coarse[0] += dt;
                } else {
                    phases.merge(q.phase(), dt, Double::sum);
                    counts[0] = q.round();
                    counts[1] = q.pivots();
                    counts[2] = q.activeArcs();
                }
                System.err.println(q);
            }));
            resetPeakRss();
            long t0 = System.nanoTime();
            TransportResult r = solver.solve(p);
            double shortlist = (System.nanoTime() - t0) / 1e9;
            if (!r.certificate().holds()) {
                throw new IllegalStateException("shortlist certificate fails: " + r.certificate());
            }
            long rss = peakRssMegabytes();
            double plain = Double.NaN;
            long plainRss = -1;
            if (n <= plainUpTo) {
                resetPeakRss();
                long t1 = System.nanoTime();
                TransportResult d = ExactSolvers.defaultSolver().solve(p);
                plain = (System.nanoTime() - t1) / 1e9;
                plainRss = peakRssMegabytes();
                if (Math.abs(d.value() - r.value()) > 1e-12 * d.value()) {
                    throw new IllegalStateException("values differ: " + r.value() + " vs " + d.value());
                }
            }
            String pot = "—";
            String potRss = "—";
            String diff = "—";
            double potSeconds = Double.NaN;
            if (n <= potUpTo) {
                Path file = ExactSolverBenchmark.writePoints(x, y);
                try {
                    ExactSolverBenchmark.PotRun run = ExactSolverBenchmark.runPot(python, script, file, costName, 1);
                    potSeconds = run.seconds().get(0);
                    pot = String.format(Locale.ROOT, "%.1f", potSeconds);
                    potRss = potPeakRss == null ? "?" : potPeakRss;
                    diff = String.format(Locale.ROOT, "%.1e", Math.abs(run.value() - r.value()) / run.value());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            rows.add(new Row(n, shortlist, plain, potSeconds));
            System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %d "
                    + "| %s | %s | %s | %s | %s |%n",
                    n, costName, shortlist, coarse[0], phases.getOrDefault(ShortlistSolver.Phase.CANDIDATES, 0.0),
                    phases.getOrDefault(ShortlistSolver.Phase.SIMPLEX, 0.0),
                    phases.getOrDefault(ShortlistSolver.Phase.ASSIGNMENT, 0.0),
                    phases.getOrDefault(ShortlistSolver.Phase.PRICING, 0.0), counts[0], counts[1], counts[2], rss,
                    Double.isNaN(plain) ? "—" : String.format(Locale.ROOT, "%.1f", plain),
                    plainRss < 0 ? "—" : Long.toString(plainRss), pot, potRss, diff);
        }
        System.out.println();
        System.out.println("| sizes | shortlist exponent k | default solver k | POT k |");
        System.out.println("|---|---:|---:|---:|");
        for (int k = 1; k < rows.size(); k++) {
            Row a = rows.get(k - 1);
            Row b = rows.get(k);
            System.out.printf(Locale.ROOT, "| %d → %d | %s | %s | %s |%n", a.n(), b.n(),
                    exponent(a.n(), a.shortlist(), b.n(), b.shortlist()), exponent(a.n(), a.plain(), b.n(), b.plain()),
                    exponent(a.n(), a.pot(), b.n(), b.pot()));
        }
    }

    /** k with t ∝ n<sup>k</sup> between two sizes, or "—" where a time is missing. */
    private static String exponent(int n1, double t1, int n2, double t2) {
        if (Double.isNaN(t1) || Double.isNaN(t2)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", Math.log(t2 / t1) / Math.log((double) n2 / n1));
    }

    /** POT's peak RSS (MB) as reported by the last {@link ExactSolverBenchmark#runPot} call, or null. */
    static String potPeakRss;

    /** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0), after a GC; no-op elsewhere. */
    private static void resetPeakRss() {
        System.gc();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not permitted: the peak then covers the whole run so far
        }
    }

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
