package io.github.ot4j.examples;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.OptimalTransport;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.entropic.EntropicResult;
import io.github.ot4j.core.entropic.EntropicTransport;
import io.github.ot4j.core.entropic.UnbalancedResult;
import io.github.ot4j.core.entropic.UnbalancedTransport;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;
import io.github.ot4j.core.oned.Wasserstein1d;
import io.github.ot4j.core.sliced.SlicedResult;
import io.github.ot4j.core.sliced.SlicedWasserstein;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any of ot-core's distances between the two clouds of a pair CSV file ({@link PointCloudCsv} layout
 * {@code set,i,w,p0,...}):
 *
 * <pre>
 * DistancesExample file.csv cost --method exact|sinkhorn|divergence|sliced|oned|unbalanced
 *                  [--eps E] [--rho R] [--p P] [--projections K] [--seed S]
 * </pre>
 * The first line printed is {@code value: X}: the exact optimal value (exact), ⟨P<sub>ε</sub>, C⟩ (sinkhorn),
 * the Sinkhorn divergence S<sub>ε</sub> (divergence), the sliced W<sub>p</sub> (sliced), the 1-D W<sub>p</sub>
 * (oned) or the unbalanced ⟨P, C⟩ (unbalanced); then {@code entropic: X} for sinkhorn, {@code mass: X} for
 * unbalanced, and a few more lines. {@code cost} is a name of {@link GroundCost#named(String)}; sliced and oned
 * use the Euclidean distance raised to {@code --p} (default 1) and accept only {@code euclidean}; oned reads
 * one-dimensional files only. {@code --eps} (sinkhorn, divergence, unbalanced) and {@code --rho} (unbalanced) are
 * required, in cost units; {@code --projections} defaults to 1000 and {@code --seed} to 0. Bad arguments exit
 * with status 2 and one line on standard error.
 */
public final class DistancesExample {

    private static final List<String> METHODS = List.of("exact", "sinkhorn", "divergence", "sliced", "oned",
            "unbalanced");
    private static final List<String> OPTIONS = List.of("--method", "--eps", "--rho", "--p", "--projections",
            "--seed");

    private DistancesExample() {
    }

    /**
     * Runs the example; exits non-zero with one line on bad input.
     *
     * @param args the file, the cost name and the options
     */
    public static void main(String[] args) {
        ExampleMain.exit("DistancesExample", () -> run(args, System.out));
    }

    /**
     * Computes and prints the distance.
     *
     * @param args the file, the cost name and the options
     * @param out  where the result goes
     */
    static void run(String[] args, PrintStream out) {
        if (args.length < 2 || args[0].startsWith("--") || args[1].startsWith("--")) {
            throw new IllegalArgumentException("usage: DistancesExample <file.csv> <cost> --method "
                    + String.join("|", METHODS) + " [--eps E] [--rho R] [--p P] [--projections K] [--seed S]");
        }
        Map<String, String> options = new HashMap<>();
        for (int k = 2; k < args.length; k += 2) {
            if (!OPTIONS.contains(args[k])) {
                throw new IllegalArgumentException("unknown option '" + args[k] + "' (options: " + OPTIONS + ")");
            }
            if (k + 1 >= args.length) {
                throw new IllegalArgumentException(args[k] + " needs a value");
            }
            options.put(args[k], args[k + 1]);
        }
        String method = options.getOrDefault("--method", "exact");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("--method must be one of " + String.join(", ", METHODS) + " but is '"
                    + method + "'");
        }
        String costName = args[1];
        GroundCost cost = GroundCost.named(costName);
        double p = number(options, "--p", 1);
        if (!(p >= 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("--p must be finite and >= 1 but is " + options.get("--p"));
        }
        if ((method.equals("sliced") || method.equals("oned")) && !costName.trim().equalsIgnoreCase("euclidean")) {
            throw new IllegalArgumentException("--method " + method + " takes the cost euclidean (the order is --p) "
                    + "but the cost is '" + costName + "'");
        }
        double eps = method.equals("sinkhorn") || method.equals("divergence") || method.equals("unbalanced")
                ? positive(options, "--eps", method) : Double.NaN;
        double rho = method.equals("unbalanced") ? positive(options, "--rho", method) : Double.NaN;
        MeasurePair pair = PointCloudCsv.readPair(Path.of(args[0]));
        if (method.equals("oned") && pair.x().dimension() != 1) {
            throw new IllegalArgumentException("--method oned needs one-dimensional points but " + args[0]
                    + " has dimension " + pair.x().dimension());
        }
        switch (method) {
            case "exact" -> {
                TransportResult r = OptimalTransport.solve(pair.x(), pair.y(), cost);
                print(out, "value", r.value());
                out.println("status: " + r.status());
                out.println("certified (1e-9): " + r.certificate().holds());
            }
            case "sinkhorn" -> {
                EntropicResult r = EntropicTransport.solve(pair.x(), pair.y(), cost, eps);
                print(out, "value", r.sinkhorn());
                print(out, "entropic", r.entropic());
                out.println("iterations: " + r.iterations());
                print(out, "marginal error", r.marginalError());
            }
            case "divergence" -> print(out, "value",
                    EntropicTransport.divergence(pair.x(), pair.y(), cost, eps).value());
            case "sliced" -> {
                int k = (int) integer(options, "--projections", SlicedWasserstein.DEFAULT_PROJECTIONS);
                SlicedResult r = SlicedWasserstein.distance(pair.x(), pair.y(), p, k, integer(options, "--seed", 0));
                print(out, "value", r.value());
                print(out, "standard error", r.standardError());
            }
            case "oned" -> print(out, "value", Wasserstein1d.distance(pair.x(), pair.y(), p));
            default -> {
                UnbalancedResult r = UnbalancedTransport.solve(pair.x(), pair.y(), cost, eps, rho);
                print(out, "value", r.cost());
                print(out, "mass", r.mass());
                out.println("iterations: " + r.iterations());
            }
        }
    }

    private static void print(PrintStream out, String name, double value) {
        out.printf(Locale.ROOT, "%s: %.15g%n", name, value);
    }

    private static double positive(Map<String, String> options, String key, String method) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException(key + " is required for --method " + method);
        }
        double v = number(options, key, Double.NaN);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be finite and > 0 but is " + options.get(key));
        }
        return v;
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number but is '" + text + "'", e);
        }
    }

    private static long integer(Map<String, String> options, String key, long fallback) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text);
            if (key.equals("--projections") && (v < 1 || v > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("--projections must be between 1 and " + Integer.MAX_VALUE
                        + " but is " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer but is '" + text + "'", e);
        }
    }
}
