package io.github.ot4j.examples.critic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.estimate.DualReading;
import io.github.ot4j.critic.estimate.EstimationProgress;
import io.github.ot4j.critic.estimate.FittedCritic;
import io.github.ot4j.critic.estimate.WassersteinEstimate;
import io.github.ot4j.critic.estimate.WassersteinEstimator;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.examples.ExampleMain;

/**
 * Estimates the Wasserstein-1 distance between two point clouds with each critic method's estimation defaults
 * ({@link WassersteinEstimator#of}) and prints a Markdown table of every estimate next to ot-core's exact value,
 * on the training pair and on a fresh pair of the same distributions, for a planar mixture (a 4-mode ring
 * against a 3-mode ring) and two 8-D Gaussians, 192 points a side.
 *
 * <p>Columns: {@code error} is (estimate − W) / W on the training pair; {@code fresh} the same reading of the
 * trained critic on a fresh pair against that pair's exact W; {@code oracle} what the exact potential of the
 * training pair, extended by its c-transform, reads on the fresh pair (the best any critic fitted to the training
 * pair can do); {@code est/L} the mean difference divided by the certified Lipschitz bound (≤ W by
 * Kantorovich–Rubinstein); {@code slope} the steepest slope between the clouds.
 *
 * <p>With {@code --write FILE} the table replaces the lines between {@code <!-- estimate-table:begin -->} and
 * {@code <!-- estimate-table:end -->} in FILE (docs/critic.md), so the documentation is never hand-typed. Runs
 * from an IDE as is (the library sets nd4j up itself); a few minutes on two cores.
 */
public final class EstimateWassersteinExample {

    private static final String USAGE = "EstimateWassersteinExample [budget | --write FILE]";
    static final String BEGIN = "<!-- estimate-table:begin -->";
    static final String END = "<!-- estimate-table:end -->";

    private EstimateWassersteinExample() {
    }

    /**
     * Runs the example; bad arguments end it with one line on standard error and exit status
     * {@value ExampleMain#BAD_INPUT}.
     *
     * @param args optional: {@code --write FILE}, or a budget of updates per estimate (default
     *             {@link WassersteinEstimator#DEFAULT_ITERATIONS})
     */
    public static void main(String[] args) {
        ExampleMain.exit("EstimateWassersteinExample", () -> run(args));
    }

    /**
     * The example's body.
     *
     * @param args optional: {@code --write FILE}, or a budget of updates per estimate, an integer ≥ 1
     * @throws IOException if FILE cannot be rewritten
     */
    static void run(String[] args) throws IOException {
        ExampleMain.noMoreThan(args, 2, USAGE);
        Path write = null;
        int budget = WassersteinEstimator.DEFAULT_ITERATIONS;
        if (args.length == 2) {
            if (!args[0].equals("--write")) {
                throw new IllegalArgumentException("expected --write FILE but got " + String.join(" ", args)
                        + "; usage: " + USAGE);
            }
            write = Path.of(args[1]);
        } else {
            budget = ExampleMain.intArgument(args, 0, "budget", WassersteinEstimator.DEFAULT_ITERATIONS, 1);
        }
        List<String> table = new ArrayList<>(List.of(HEADER, RULE));
        for (Clouds clouds : clouds()) {
            report(table, budget, clouds);
        }
        table.forEach(System.out::println);
        if (write != null) {
            write(write, table);
        }
    }

    /** The table's header row. */
    static final String HEADER = "| method | pair | exact W | estimate | error | fresh | oracle | est/L | slope | updates "
            + "| s |";
    /** The table's alignment row. */
    static final String RULE = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /**
     * A training pair of clouds and a fresh pair of the same distributions.
     *
     * @param name the pair's name in the table
     * @param p    the first training cloud
     * @param q    the second training cloud
     * @param pf   a fresh cloud from p's distribution
     * @param qf   a fresh cloud from q's distribution
     */
    record Clouds(String name, double[][] p, double[][] q, double[][] pf, double[][] qf) {
    }

    /**
     * What needs no training: the exact W of the training and fresh pairs and the oracle's reading on the fresh
     * pair.
     *
     * @param exact      W of the training pair
     * @param freshExact W of the fresh pair
     * @param oracle     the training pair's exact potential, extended by its c-transform, read on the fresh pair
     */
    record Exact(double exact, double freshExact, double oracle) {

        /** @return the oracle's relative error on the fresh pair, in percent */
        double oraclePercent() {
            return 100 * (oracle - freshExact) / freshExact;
        }
    }

    /** @return the table's pairs, in order */
    static List<Clouds> clouds() {
        double[] shift = {1.5, 0, -1, 0, 0.5, 0, 0, 2};
        return List.of(
                new Clouds("2-D rings", ring(192, 4, 0, 0, 1.0, 1), ring(192, 3, 1, 0.5, 1.5, 2),
                        ring(192, 4, 0, 0, 1.0, 11), ring(192, 3, 1, 0.5, 1.5, 12)),
                new Clouds("8-D Gaussians", gaussian(192, new double[8], 1.0, 3), gaussian(192, shift, 0.6, 4),
                        gaussian(192, new double[8], 1.0, 13), gaussian(192, shift, 0.6, 14)));
    }

    /** @return the ground cost of the table */
    static GroundCost cost() {
        return GroundCost.euclidean();
    }

    /** @return the table's methods, in order, each with its estimation defaults */
    static List<CriticMethod> methods() {
        GroundCost cost = cost();
        return List.of(
                CriticMethod.twoStep(cost),
                CriticMethod.enforced(GradientPenalty.wganGp()),
                CriticMethod.enforced(OneSidedGradientPenalty.wganLp()),
                CriticMethod.enforced(SpectralNormalization.miyato(7)),
                CriticMethod.enforced(WeightScaling.under(cost)),
                CriticMethod.enforced(WeightClipping.wgan()));
    }

    /**
     * @param c the pair
     * @return its exact columns (ot-core's exact solver; no training)
     */
    static Exact exact(Clouds c) {
        GroundCost cost = cost();
        TransportResult solved = ExactSolvers.defaultSolver().solve(DiscreteMeasure.uniform(c.p()),
                DiscreteMeasure.uniform(c.q()), cost);
        DiscreteMeasure fp = DiscreteMeasure.uniform(c.pf());
        DiscreteMeasure fq = DiscreteMeasure.uniform(c.qf());
        double freshExact = ExactSolvers.defaultSolver().solve(fp, fq, cost).value();
        double oracle = DualReading.oracle(DiscreteMeasure.uniform(c.q()), solved.potentials().v(), fp, fq, cost);
        return new Exact(solved.value(), freshExact, oracle);
    }

    private static void report(List<String> table, int budget, Clouds c) {
        GroundCost cost = cost();
        DiscreteMeasure mp = DiscreteMeasure.uniform(c.p());
        DiscreteMeasure mq = DiscreteMeasure.uniform(c.q());
        DiscreteMeasure fp = DiscreteMeasure.uniform(c.pf());
        DiscreteMeasure fq = DiscreteMeasure.uniform(c.qf());
        Exact exact = exact(c);
        for (CriticMethod method : methods()) {
            FittedCritic fit = WassersteinEstimator.of(method).withIterations(budget)
                    .fit(mp, mq, cost, 42, exact.exact(), EstimationProgress.NONE);
            WassersteinEstimate e = fit.estimate();
            double fresh = (fit.readOn(fp, fq) - exact.freshExact()) / exact.freshExact();
            table.add(String.format(Locale.ROOT,
                    "| %s | %s | %.4f | %.4f | %+.2f %% | %+.2f %% | %+.2f %% | %.4f | %.3f | %d | %.1f |",
                    e.method(), c.name(), exact.exact(), e.estimate(), 100 * e.relativeError(), 100 * fresh,
                    exact.oraclePercent(), e.normalizedEstimate(), e.bounds().empiricalLower(), e.iterations(),
                    e.diagnostics().seconds()));
            System.out.println(table.get(table.size() - 1));
        }
    }

    private static void write(Path file, List<String> table) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int begin = lines.indexOf(BEGIN);
        int end = lines.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " has no " + BEGIN + " ... " + END + " block");
        }
        List<String> out = new ArrayList<>(lines.subList(0, begin + 1));
        out.addAll(table);
        out.addAll(lines.subList(end, lines.size()));
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    private static double[][] gaussian(int n, double[] mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][mean.length];
        for (double[] row : x) {
            for (int k = 0; k < mean.length; k++) {
                row[k] = mean[k] + sd * gaussian(random);
            }
        }
        return x;
    }

    private static double[][] ring(int n, int modes, double cx, double cy, double radius, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (double[] row : x) {
            double angle = 2 * Math.PI * random.nextInt(modes) / modes;
            row[0] = cx + radius * Math.cos(angle) + 0.2 * gaussian(random);
            row[1] = cy + radius * Math.sin(angle) + 0.2 * gaussian(random);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
