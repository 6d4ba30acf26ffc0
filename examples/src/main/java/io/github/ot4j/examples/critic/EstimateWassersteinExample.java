package io.github.ot4j.examples.critic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.ot4j.core.CTransform;
import io.github.ot4j.core.CostMatrix;
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
    private static final String BEGIN = "<!-- estimate-table:begin -->";
    private static final String END = "<!-- estimate-table:end -->";

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
        List<String> table = new ArrayList<>();
        table.add("| method | pair | exact W | estimate | error | fresh | oracle | est/L | slope | updates | s |");
        table.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double[] shift = {1.5, 0, -1, 0, 0.5, 0, 0, 2};
        report(table, budget, "2-D rings", ring(192, 4, 0, 0, 1.0, 1), ring(192, 3, 1, 0.5, 1.5, 2),
                ring(192, 4, 0, 0, 1.0, 11), ring(192, 3, 1, 0.5, 1.5, 12));
        report(table, budget, "8-D Gaussians", gaussian(192, new double[8], 1.0, 3), gaussian(192, shift, 0.6, 4),
                gaussian(192, new double[8], 1.0, 13), gaussian(192, shift, 0.6, 14));
        table.forEach(System.out::println);
        if (write != null) {
            write(write, table);
        }
    }

    private static void report(List<String> table, int budget, String name, double[][] p, double[][] q, double[][] pf,
            double[][] qf) {
        GroundCost cost = GroundCost.euclidean();
        DiscreteMeasure mp = DiscreteMeasure.uniform(p);
        DiscreteMeasure mq = DiscreteMeasure.uniform(q);
        DiscreteMeasure fp = DiscreteMeasure.uniform(pf);
        DiscreteMeasure fq = DiscreteMeasure.uniform(qf);
        TransportResult solved = ExactSolvers.defaultSolver().solve(mp, mq, cost);
        double exact = solved.value();
        double freshExact = ExactSolvers.defaultSolver().solve(fp, fq, cost).value();
        double[] v = solved.potentials().v();
        double oracle = DualReading.cTransform(fp, extend(pf, q, v, cost), fq, extend(qf, q, v, cost), cost);
        List<CriticMethod> methods = List.of(
                CriticMethod.twoStep(cost),
                CriticMethod.enforced(GradientPenalty.wganGp()),
                CriticMethod.enforced(OneSidedGradientPenalty.wganLp()),
                CriticMethod.enforced(SpectralNormalization.miyato(7)),
                CriticMethod.enforced(WeightScaling.under(cost)),
                CriticMethod.enforced(WeightClipping.wgan()));
        for (CriticMethod method : methods) {
            FittedCritic fit = WassersteinEstimator.of(method).withIterations(budget)
                    .fit(mp, mq, cost, 42, exact, EstimationProgress.NONE);
            WassersteinEstimate e = fit.estimate();
            double fresh = (fit.readOn(fp, fq) - freshExact) / freshExact;
            table.add(String.format(Locale.ROOT,
                    "| %s | %s | %.4f | %.4f | %+.2f %% | %+.2f %% | %+.2f %% | %.4f | %.3f | %d | %.1f |",
                    e.method(), name, exact, e.estimate(), 100 * e.relativeError(), 100 * fresh,
                    100 * (oracle - freshExact) / freshExact, e.normalizedEstimate(), e.bounds().empiricalLower(),
                    e.iterations(), e.diagnostics().seconds()));
            System.out.println(table.get(table.size() - 1));
        }
    }

    /** f(y) = min<sub>j</sub> c(y, x<sub>j</sub>) − v<sub>j</sub>, the c-transform of v: the potential on new points. */
    private static double[] extend(double[][] points, double[][] xs, double[] v, GroundCost cost) {
        CostMatrix c = CostMatrix.between(DiscreteMeasure.uniform(points), DiscreteMeasure.uniform(xs), cost);
        return CTransform.ofV(c, v);
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
