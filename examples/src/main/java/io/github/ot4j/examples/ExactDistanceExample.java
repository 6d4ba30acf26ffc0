package io.github.ot4j.examples;

import io.github.ot4j.core.Certificate;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.ExactSolvers;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The exact optimal transport between two point clouds: value, plan, potentials and the certificate that
 * proves them optimal, with a picture of the plan.
 *
 * <pre>
 * ExactDistanceExample [file.csv [euclidean|cityblock|sqeuclidean]]
 * </pre>
 * Without arguments it uses a bundled instance (64 + 64 Gaussian points in 2-D, Euclidean cost, solved by
 * POT to 1.613398306691833). A file must be in the pair layout {@code set,i,w,p0,...} of
 * {@link PointCloudCsv}. The plot is written to {@code plan.png} in the folder named by the system property
 * {@code ot4j.output} (default {@code ot4j-output} in the working directory), for 2-D data only.
 */
public final class ExactDistanceExample {

    private ExactDistanceExample() {
    }

    /**
     * Runs the example; bad arguments or an unreadable file end it with one line on standard error and exit
     * status {@value ExampleMain#BAD_INPUT} (see {@link ExampleMain}).
     *
     * @param args optional CSV file and cost name
     */
    public static void main(String[] args) {
        ExampleMain.exit("ExactDistanceExample", () -> run(args));
    }

    /**
     * The example's body.
     *
     * @param args optional CSV file and cost name
     * @throws IOException if the input cannot be read or the plot cannot be written
     */
    static void run(String[] args) throws IOException {
        MeasurePair pair;
        String source;
        if (args.length > 0) {
            source = args[0];
            pair = PointCloudCsv.readPair(Path.of(args[0]));
        } else {
            source = "bundled instance gauss2d_euclid_n64.csv";
            try (Reader in = new InputStreamReader(
                    ExactDistanceExample.class.getResourceAsStream("gauss2d_euclid_n64.csv"), StandardCharsets.UTF_8)) {
                pair = PointCloudCsv.readPair(in, source);
            }
        }
        GroundCost cost = GroundCost.named(args.length > 1 ? args[1] : "euclidean");
        String costName = args.length > 1 ? args[1] : "euclidean";

        ExactSolver solver = ExactSolvers.defaultSolver();
        TransportProblem problem = TransportProblem.of(pair.x(), pair.y(), cost);
        long start = System.nanoTime();
        TransportResult result = solver.solve(problem);
        double millis = (System.nanoTime() - start) / 1e6;
        Certificate c = result.certificate();

        System.out.printf(Locale.ROOT, "Exact optimal transport (%s)%n", source);
        System.out.printf(Locale.ROOT, "  source: %d points, target: %d points, dimension %d, cost %s%n",
                problem.n(), problem.m(), pair.x().dimension(), costName);
        System.out.printf(Locale.ROOT, "  solver: %s (%.1f ms)%n", solver.getClass().getSimpleName(), millis);
        System.out.printf(Locale.ROOT, "  value:  %.15g%n", result.value());
        System.out.printf(Locale.ROOT, "  status: %s%n", result.status());
        System.out.printf(Locale.ROOT, "  plan:   %d nonzero entries (at most n + m - 1 = %d)%n", result.plan().size(),
                problem.n() + problem.m() - 1);
        System.out.println("  certificate:");
        System.out.printf(Locale.ROOT, "    primal cost        %.15g%n", c.primalCost());
        System.out.printf(Locale.ROOT, "    dual objective     %.15g%n", c.dualObjective());
        System.out.printf(Locale.ROOT, "    duality gap        %.3e%n", c.dualityGap());
        System.out.printf(Locale.ROOT, "    max dual violation %.3e  (max over i,j of u_i + v_j - C_ij)%n",
                c.maxDualViolation());
        System.out.printf(Locale.ROOT, "    max marginal error %.3e%n", c.maxMarginalError());
        System.out.printf(Locale.ROOT, "    optimal (1e-9):    %s%n", c.holds() ? "proven" : "NOT proven");

        if (pair.x().dimension() == 2) {
            Path png = PlanPlot.write(pair, result, OutputFolder.get().resolve("plan.png"));
            System.out.println("  plot:   " + png.toAbsolutePath());
        }
    }
}
