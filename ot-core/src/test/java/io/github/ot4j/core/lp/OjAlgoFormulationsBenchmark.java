package io.github.ot4j.core.lp;

import io.github.ot4j.core.Certificate;
import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.ojalgo.structure.Mutate1D;

/**
 * Compares ways of driving ojAlgo on the transport LP (not a unit test: a main run by hand, see
 * docs/ojalgo-lp.md for the command and the results). For each size n (n × n, 2-D Gaussian clouds,
 * Euclidean cost, uniform weights, seed 42) and each formulation it prints the median wall time and the
 * median CPU time of the calling thread over several runs (interleaved round-robin across formulations),
 * ojAlgo's state, the plan's value and whether the certificate holds for the potentials the formulation
 * yields.
 *
 * <p>Arguments: {@code sizes=64,128 runs=3 only=name1,name2 limit=120} (limit in seconds per solve, handed
 * to ojAlgo as {@code time_abort}).
 */
public final class OjAlgoFormulationsBenchmark {

    /** One formulation: builds and solves the LP, returns a plan and potentials. */
    private interface Formulation {
        Outcome solve(TransportProblem problem, double[] cost, long limitMillis);
    }

    private record Outcome(Optimisation.State state, double[] x, double[] u, double[] v) {
    }

    private record Named(String name, int maxSize, Formulation formulation) {
    }

    private OjAlgoFormulationsBenchmark() {
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code sizes=…}, {@code runs=…}, {@code only=…}, {@code limit=…}
     */
    public static void main(String[] args) {
        int[] sizes = {64, 128, 256, 512};
        int runs = 3;
        long limitMillis = 120_000;
        List<String> only = null;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "sizes" -> sizes = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "limit" -> limitMillis = 1000L * Long.parseLong(kv[1]);
                case "only" -> only = Arrays.asList(kv[1].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        List<Named> all = formulations();
        TransportProblem warmUp = gaussianClouds(32, 7);
        double[] warmUpCost = dense(warmUp.cost());
        for (Named f : all) {
            if (only == null || only.contains(f.name())) {
                f.formulation().solve(warmUp, warmUpCost, limitMillis);
            }
        }
        System.out.printf(Locale.ROOT, "%-30s %5s %10s %10s %-8s %-15s %s%n", "formulation", "n", "wall_ms",
                "cpu_ms", "state", "value", "certificate");
        for (int n : sizes) {
            TransportProblem problem = gaussianClouds(n, 42);
            double[] cost = dense(problem.cost());
            List<Named> chosen = new ArrayList<>();
            for (Named f : all) {
                if (n <= f.maxSize() && (only == null || only.contains(f.name()))) {
                    chosen.add(f);
                }
            }
            double[][] wall = new double[chosen.size()][runs];
            double[][] cpu = new double[chosen.size()][runs];
            Outcome[] last = new Outcome[chosen.size()];
            boolean[] failed = new boolean[chosen.size()];
            // round-robin: run r of every formulation before run r + 1 of any, so that load drifts hit all alike
            for (int r = 0; r < runs; r++) {
                for (int f = 0; f < chosen.size(); f++) {
                    if (failed[f]) {
                        continue;
                    }
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    try {
                        last[f] = chosen.get(f).formulation().solve(problem, cost, limitMillis);
                    } catch (RuntimeException e) {
                        System.out.printf(Locale.ROOT, "%-30s %5d threw %s%n", chosen.get(f).name(), n, e);
                        last[f] = new Outcome(Optimisation.State.FAILED, null, null, null);
                    }
                    wall[f][r] = (System.nanoTime() - t0) / 1e6;
                    cpu[f][r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                    failed[f] = !last[f].state().isOptimal();
                }
            }
            for (int f = 0; f < chosen.size(); f++) {
                report(chosen.get(f).name(), problem, cost, last[f], failed[f] ? wall[f][0] : median(wall[f]),
                        failed[f] ? cpu[f][0] : median(cpu[f]));
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(String name, TransportProblem problem, double[] cost, Outcome last, double wall,
                               double cpu) {
        String value = "-";
        String certificate = "-";
        if (last.x() != null && Arrays.stream(last.x()).anyMatch(Double::isNaN)) {
            certificate = "plan holds NaN";
        } else if (last.x() != null) {
            TransportPlan plan = plan(problem, last.x());
            value = String.format(Locale.ROOT, "%.12f", plan.cost(problem.cost()));
            if (last.u() != null) {
                Certificate c = Certificate.of(problem, plan, new Potentials(last.u(), last.v()));
                certificate = String.format(Locale.ROOT, "%s gap=%.1e viol=%.1e marg=%.1e",
                        c.holds() ? "holds" : "FAILS", c.dualityGap(), c.maxDualViolation(), c.maxMarginalError());
            }
        } else if (last.u() != null) {
            Potentials pot = new Potentials(last.u(), last.v());
            double violation = 0;
            for (int i = 0; i < problem.n(); i++) {
                for (int j = 0; j < problem.m(); j++) {
                    violation = Math.max(violation, pot.u(i) + pot.v(j) - cost[i * problem.m() + j]);
                }
            }
            value = String.format(Locale.ROOT, "%.12f", pot.objective(problem));
            certificate = String.format(Locale.ROOT, "dual objective only, viol=%.1e", violation);
        }
        System.out.printf(Locale.ROOT, "%-30s %5d %10.1f %10.1f %-8s %-15s %s%n", name, problem.n(), wall, cpu,
                last.state(), value, certificate);
    }

    private static List<Named> formulations() {
        List<Named> list = new ArrayList<>();
        list.add(new Named("ebm-primal", 512, (p, c, t) -> ebmPrimal(p, c, t, false, null, null)));
        list.add(new Named("ebm-primal-drop1", 512, (p, c, t) -> ebmPrimal(p, c, t, true, null, null)));
        list.add(new Named("ebm-primal-tableau", 256, (p, c, t) -> ebmPrimal(p, c, t, true, false, false)));
        list.add(new Named("ebm-primal-revised-sparse", 512, (p, c, t) -> ebmPrimal(p, c, t, true, true, true)));
        list.add(new Named("builder-tableau-dense", 128, (p, c, t) -> builder(p, c, t, false, false, false)));
        list.add(new Named("builder-tableau-sparse", 64, (p, c, t) -> builder(p, c, t, false, false, true)));
        list.add(new Named("builder-tableau-dense-drop1", 128, (p, c, t) -> builder(p, c, t, true, false, false)));
        list.add(new Named("builder-phased-dense-drop1", 256, (p, c, t) -> builder(p, c, t, true, true, false)));
        list.add(new Named("builder-phased-revised", 512, (p, c, t) -> builder(p, c, t, false, true, true)));
        list.add(new Named("builder-phased-revised-drop1", 512, (p, c, t) -> builder(p, c, t, true, true, true)));
        list.add(new Named("ebm-dual-lp", 128, OjAlgoFormulationsBenchmark::ebmDual));
        list.add(new Named("builder-ineq-dual-revised", 512, (p, c, t) -> inequalities(p, c, t, true)));
        list.add(new Named("builder-ineq-dual-dense", 512, (p, c, t) -> inequalities(p, c, t, false)));
        list.add(new Named("warm-bounds-colgen", 256, OjAlgoFormulationsBenchmark::warmBounds));
        list.add(new Named("solver-full", 512, (p, c, t) -> solver(p, OjAlgoSolver.Formulation.FULL,
                OjAlgoSolver.Tuning.DEFAULT)));
        list.add(new Named("solver-default", 512, (p, c, t) -> solver(p, OjAlgoSolver.Formulation.COLUMN_GENERATION,
                OjAlgoSolver.Tuning.DEFAULT)));
        // column generation tunings: cg-<partners>-<priced>[-s<sinkhorn iterations>[-e<epsilon>]]
        for (int partners : new int[] {2, 4, 8, 16}) {
            for (int priced : new int[] {2, 4, 8, 16}) {
                String name = "cg-" + partners + "-" + priced;
                list.add(new Named(name, 512, (p, c, t) -> solver(p, OjAlgoSolver.Formulation.COLUMN_GENERATION,
                        new OjAlgoSolver.Tuning(partners, priced, 0, 0.01))));
                for (int sinkhorn : new int[] {10, 30, 100, 300}) {
                    for (double epsilon : new double[] {0.001, 0.003, 0.01, 0.03}) {
                        list.add(new Named(name + "-s" + sinkhorn + "-e" + epsilon, 512,
                                (p, c, t) -> solver(p, OjAlgoSolver.Formulation.COLUMN_GENERATION,
                                        new OjAlgoSolver.Tuning(partners, priced, sinkhorn, epsilon))));
                    }
                }
            }
        }
        return list;
    }

    /** The shipped solver, potentials from the plan. */
    private static Outcome solver(TransportProblem problem, OjAlgoSolver.Formulation formulation,
                                  OjAlgoSolver.Tuning tuning) {
        TransportResult r = new OjAlgoSolver(OjAlgoSolver.Options.DEFAULT.withFormulation(formulation), tuning)
                .solve(problem);
        double[] x = new double[problem.n() * problem.m()];
        r.plan().entries().forEach(e -> x[e.i() * problem.m() + e.j()] += e.mass());
        return new Outcome(Optimisation.State.OPTIMAL, x, r.potentials().u(), r.potentials().v());
    }

    /** Potentials: the negated multipliers when the model gives them in its own order, else from the plan. */
    private static Outcome ebmPrimal(TransportProblem problem, double[] cost, long limit, boolean dropOne,
                                     Boolean dual, Boolean sparse) {
        int n = problem.n();
        int m = problem.m();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = limit;
        if (dual != null) {
            if (dual) {
                model.options.linear().dual();
            } else {
                model.options.linear().primal();
            }
        }
        model.options.sparse = sparse;
        Variable[] p = new Variable[n * m];
        for (int k = 0; k < p.length; k++) {
            p[k] = model.addVariable().lower(0).weight(cost[k]);
        }
        for (int i = 0; i < n; i++) {
            Expression row = model.addExpression("r" + i).level(problem.a(i));
            for (int j = 0; j < m; j++) {
                row.set(p[i * m + j], 1);
            }
        }
        for (int j = 0; j < (dropOne ? m - 1 : m); j++) {
            Expression col = model.addExpression("c" + j).level(problem.b(j));
            for (int i = 0; i < n; i++) {
                col.set(p[i * m + j], 1);
            }
        }
        Optimisation.Result result = model.minimise();
        double[] x = new double[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = result.doubleValue(k);
        }
        double[][] uv = planPotentials(problem, cost, x);
        return new Outcome(result.getState(), x, uv[0], uv[1]);
    }

    /** The LP handed to {@link LinearSolver#newBuilder()}; potentials are the negated dual multipliers. */
    private static Outcome builder(TransportProblem problem, double[] cost, long limit, boolean dropOne,
                                   boolean dual, boolean sparse) {
        int n = problem.n();
        int m = problem.m();
        LinearSolver.Builder builder = LinearSolver.newBuilder(cost);
        for (int i = 0; i < n; i++) {
            Mutate1D row = builder.equality(problem.a(i));
            for (int j = 0; j < m; j++) {
                row.set(i * m + j, 1);
            }
        }
        int cols = dropOne ? m - 1 : m;
        for (int j = 0; j < cols; j++) {
            Mutate1D col = builder.equality(problem.b(j));
            for (int i = 0; i < n; i++) {
                col.set(i * m + j, 1);
            }
        }
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = limit;
        options.sparse = sparse;
        if (dual) {
            options.linear().dual();
        } else {
            options.linear().primal();
        }
        LinearSolver solver = builder.build(options);
        Optimisation.Result result = solver.solve();
        double[] x = new double[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.max(0, result.doubleValue(k));
        }
        double[] u = new double[n];
        double[] v = new double[m];
        for (int i = 0; i < n; i++) {
            u[i] = -solver.getDualMultiplier(i);
        }
        for (int j = 0; j < cols; j++) {
            v[j] = -solver.getDualMultiplier(n + j);
        }
        return new Outcome(result.getState(), x, u, v);
    }

    /**
     * Column generation inside one ojAlgo solver: the full LP is built once with every column outside the
     * working set bounded to 0; pricing opens columns with {@code updateRange} and the solver re-solves from
     * its current basis.
     */
    private static Outcome warmBounds(TransportProblem problem, double[] cost, long limit) {
        int n = problem.n();
        int m = problem.m();
        LinearSolver.Builder builder = LinearSolver.newBuilder(cost);
        for (int i = 0; i < n; i++) {
            Mutate1D row = builder.equality(problem.a(i));
            for (int j = 0; j < m; j++) {
                row.set(i * m + j, 1);
            }
        }
        for (int j = 0; j < m - 1; j++) {
            Mutate1D col = builder.equality(problem.b(j));
            for (int i = 0; i < n; i++) {
                col.set(i * m + j, 1);
            }
        }
        ColumnSet columns = ColumnSet.initial(cost, problem.a(), problem.b(), new double[n], new double[m], 4);
        double[] upper = new double[n * m];
        for (int k = 0; k < upper.length; k++) {
            upper[k] = columns.contains(k) ? Double.POSITIVE_INFINITY : 0;
        }
        builder.upper(upper);
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = limit;
        options.sparse = true;
        options.linear().dual();
        LinearSolver solver = builder.build(options);
        double scale = 1;
        for (double c : cost) {
            scale = Math.max(scale, Math.abs(c));
        }
        while (true) {
            Optimisation.Result result = solver.solve();
            double[] x = new double[n * m];
            for (int k = 0; k < x.length; k++) {
                x[k] = Math.max(0, result.doubleValue(k));
            }
            if (!result.getState().isOptimal()) {
                return new Outcome(result.getState(), x, null, null);
            }
            double[] u = new double[n];
            double[] v = new double[m];
            for (int i = 0; i < n; i++) {
                u[i] = -solver.getDualMultiplier(i);
            }
            for (int j = 0; j < m - 1; j++) {
                v[j] = -solver.getDualMultiplier(n + j);
            }
            int added = columns.addViolated(cost, u, v, 1e-12 * scale, 4);
            if (added == 0) {
                double[][] uv = planPotentials(problem, cost, x);
                return new Outcome(result.getState(), x, uv[0], uv[1]);
            }
            for (int k = 0; k < upper.length; k++) {
                if (upper[k] == 0 && columns.contains(k)) {
                    upper[k] = Double.POSITIVE_INFINITY;
                    solver.updateRange(k, 0, Double.POSITIVE_INFINITY);
                }
            }
        }
    }

    /**
     * Σ_j P_ij ≤ a_i and −Σ_i P_ij ≤ −b_j (equivalent to the equalities when the masses are equal) with
     * the costs shifted to C − min C ≥ 0: the all-slack basis is then dual feasible and ojAlgo's dual
     * simplex starts from it without a phase 1. Potentials: the negated multipliers, shifted back.
     */
    private static Outcome inequalities(TransportProblem problem, double[] cost, long limit, boolean sparse) {
        int n = problem.n();
        int m = problem.m();
        double min = Double.POSITIVE_INFINITY;
        for (double c : cost) {
            min = Math.min(min, c);
        }
        double[] shifted = new double[cost.length];
        for (int k = 0; k < cost.length; k++) {
            shifted[k] = cost[k] - min;
        }
        LinearSolver.Builder builder = LinearSolver.newBuilder(shifted);
        for (int i = 0; i < n; i++) {
            Mutate1D row = builder.inequality(problem.a(i));
            for (int j = 0; j < m; j++) {
                row.set(i * m + j, 1);
            }
        }
        for (int j = 0; j < m; j++) {
            Mutate1D col = builder.inequality(-problem.b(j));
            for (int i = 0; i < n; i++) {
                col.set(i * m + j, -1);
            }
        }
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = limit;
        options.sparse = sparse;
        options.linear().dual();
        LinearSolver solver = builder.build(options);
        Optimisation.Result result = solver.solve();
        double[] x = new double[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.max(0, result.doubleValue(k));
        }
        double[] u = new double[n];
        double[] v = new double[m];
        for (int i = 0; i < n; i++) {
            u[i] = -solver.getDualMultiplier(i) + min;
        }
        for (int j = 0; j < m; j++) {
            v[j] = solver.getDualMultiplier(n + j);
        }
        return new Outcome(result.getState(), x, u, v);
    }

    /** max Σ a u + Σ b v s.t. u_i + v_j ≤ C_ij, free variables; no plan. */
    private static Outcome ebmDual(TransportProblem problem, double[] cost, long limit) {
        int n = problem.n();
        int m = problem.m();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = limit;
        Variable[] u = new Variable[n];
        Variable[] v = new Variable[m];
        for (int i = 0; i < n; i++) {
            u[i] = model.addVariable().weight(problem.a(i));
        }
        for (int j = 0; j < m; j++) {
            v[j] = model.addVariable().weight(problem.b(j));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                model.addExpression().upper(cost[i * m + j]).set(u[i], 1).set(v[j], 1);
            }
        }
        Optimisation.Result result = model.maximise();
        double[] uu = new double[n];
        double[] vv = new double[m];
        for (int i = 0; i < n; i++) {
            uu[i] = result.doubleValue(i);
        }
        for (int j = 0; j < m; j++) {
            vv[j] = result.doubleValue(n + j);
        }
        return new Outcome(result.getState(), null, uu, vv);
    }

    static double[][] planPotentials(TransportProblem problem, double[] cost, double[] x) {
        double scale = 1;
        for (double c : cost) {
            scale = Math.max(scale, Math.abs(c));
        }
        int n = problem.n();
        int m = problem.m();
        int[] start = new int[n + 1];
        int[] target = new int[n * m];
        for (int i = 0; i <= n; i++) {
            start[i] = i * m;
        }
        for (int k = 0; k < target.length; k++) {
            target[k] = k % m;
        }
        return PlanPotentials.recover(n, m, start, target, cost, x, OjAlgoSolver.MASS_TOLERANCE * problem.mass(),
                OjAlgoSolver.COST_TOLERANCE * scale);
    }

    private static TransportPlan plan(TransportProblem problem, double[] x) {
        int[] rows = new int[x.length];
        int[] cols = new int[x.length];
        double[] w = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            rows[k] = k / problem.m();
            cols[k] = k % problem.m();
            w[k] = Math.max(0, x[k]);
        }
        return TransportPlan.of(problem.n(), problem.m(), rows, cols, w);
    }

    /** Source N(0, I), target N((1, 0), I) in 2-D, n points each, uniform weights, Euclidean cost. */
    static TransportProblem gaussianClouds(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            y[i][0] = 1 + rng.nextGaussian();
            y[i][1] = rng.nextGaussian();
        }
        return TransportProblem.of(DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), GroundCost.euclidean());
    }

    static double[] dense(CostMatrix c) {
        double[] d = new double[c.rows() * c.cols()];
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                d[i * c.cols() + j] = c.get(i, j);
            }
        }
        return d;
    }
}
