package io.github.ot4j.examples.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.internal.Nd4jSetup;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.examples.OutputFolder;
import io.github.ot4j.examples.Plots;
import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.WganConfig;
import io.github.ot4j.gan.WganTrainer;
import io.github.ot4j.gan.cfg.CfgConfig;
import io.github.ot4j.gan.cfg.CfgTrainer;
import io.github.ot4j.gan.data.ArrayDataSource;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.Digits;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.features.RepresentativeFeatures;
import io.github.ot4j.gan.lens.TemperingLens;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.regularize.JacobianClamping;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.learning.config.Adam;

import java.awt.Color;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The issue-16 training methods against the three WGAN modes, judged by the exact W<sub>1</sub> (Euclidean,
 * ot-core's exact solver through {@link ExactDistanceMonitor}) between generated and held-out real points (not a
 * timed test). Methods: {@code wgan} (weight clipping at 0.1), {@code gp} (WGAN-GP, toy λ = 0.1), {@code ts}
 * (WGAN-TS), {@code jc} (gp + Jacobian clamping, paper band), {@code lens} (gp + tempering lens, K = half the
 * steps), {@code rfgan} (gp + representative features, k = 8, 300 autoencoder updates) and {@code xicfg}
 * (η = 0.5, T = 10); all with batch 64 and learning rates 1e-3 (the settings of the convergence tests). Data:
 * {@code 8g}, {@code 25g} (2-D, networks 2-w-w-w-(2|1)) and {@code digits} (UCI 8 × 8 digits, 300 held out;
 * noise 16, networks 16-128-128-64 (tanh output) and 64-128-128-1).
 *
 * <p>Each run trains until it has done the fixed number of generator steps (stages for xICFG) <em>and</em> spent
 * the fixed training time (measurements excluded), and records W<sub>1</sub> at step 0, at a quarter, half,
 * three quarters and all of the steps, and when the training time first reaches the budget.
 * <pre>
 * GanMethodsBenchmark [seeds [steps [seconds [samples [methods [datasets [markdown [png]]]]]]]]
 *     (defaults 2, 200, 5, 500, wgan,gp,ts,jc,lens,rfgan,xicfg, 8g,25g,digits,
 *      ot4j-output/gan-methods.md, ot4j-output/gan-methods.png)
 * </pre>
 * Writes a Markdown table of medians over the seeds (with the range) and a PNG of the 8-Gaussians curves.
 */
public final class GanMethodsBenchmark {

    /** The methods, in table order. */
    public static final List<String> METHODS = List.of("wgan", "gp", "ts", "jc", "lens", "rfgan", "xicfg");
    private static final int WIDTH = 32;

    private GanMethodsBenchmark() {
    }

    /** A trainer of either kind, one step at a time. */
    private interface Run {
        void step();

        double[][] sample(int n, long seed);
    }

    /**
     * One run.
     *
     * @param data     the data set
     * @param method   the method
     * @param seed     the seed
     * @param w1       exact W1 at 0, S/4, S/2, 3S/4, S steps
     * @param timed    exact W1 when the training time reached the budget
     * @param stepsAtT steps done by then
     * @param perStep  training seconds per step
     */
    record Result(String data, String method, long seed, double[] w1, double timed, long stepsAtT, double perStep) {
    }

    /**
     * @param args see the class comment
     * @throws IOException if the outputs cannot be written
     */
    public static void main(String[] args) throws IOException {
        Nd4jSetup.ensure();
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        List<String> methods = args.length > 4 ? List.of(args[4].split(",")) : METHODS;
        List<String> datasets = args.length > 5 ? List.of(args[5].split(",")) : List.of("8g", "25g", "digits");
        Path markdown = Path.of(args.length > 6 ? args[6] : OutputFolder.get().resolve("gan-methods.md").toString());
        Path png = Path.of(args.length > 7 ? args[7] : OutputFolder.get().resolve("gan-methods.png").toString());
        int[] marks = {0, steps / 4, steps / 2, 3 * steps / 4, steps};
        String load = uptime();
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (String dataset : datasets) {
            for (String method : methods) {
                for (long s = 1; s <= seeds; s++) {
                    Result r = run(dataset, method, s, marks, seconds, samples);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "%s %s seed %d: W1 %s, at %.0f s %.3f (%d steps), %.1f ms/step%n",
                            dataset, method, s, Arrays.toString(round(r.w1())), seconds, r.timed(), r.stepsAtT(),
                            1e3 * r.perStep());
                }
            }
        }
        load = load + " → " + uptime();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Exact W1 (Euclidean, ot-core) of %d generated vs %d held-out real points "
                + "(digits: 300 held out), medians over %d seeds [min–max]; %d generator steps (xICFG: stages) and %.0f s "
                + "of training; batch 64, learning rates 1e-3; %s, 1 thread; load average %s; %.0f s in all.%n%n",
                samples, samples, seeds, steps, seconds, Nd4jSetup.describe(), load, (System.nanoTime() - start) / 1e9));
        md.append("| data | method | W1 @ 0 | W1 @ ").append(steps).append(" steps | ÷ from 0 | W1 @ ")
                .append(String.format(Locale.ROOT, "%.0f", seconds)).append(" s | steps in ")
                .append(String.format(Locale.ROOT, "%.0f", seconds)).append(" s | ms/step |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String dataset : datasets) {
            for (String method : methods) {
                List<Result> runs = results.stream().filter(r -> r.data().equals(dataset)
                        && r.method().equals(method)).toList();
                double[] curve = new double[marks.length];
                for (int k = 0; k < marks.length; k++) {
                    final int kk = k;
                    curve[k] = median(runs.stream().mapToDouble(r -> r.w1()[kk]).toArray());
                }
                double[] end = runs.stream().mapToDouble(r -> r.w1()[marks.length - 1]).toArray();
                double[] timed = runs.stream().mapToDouble(Result::timed).toArray();
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f [%.3f–%.3f] | %.2f | %.3f [%.3f–%.3f] | %.0f | %.1f |%n",
                        dataset, method, curve[0], median(end), min(end), max(end), curve[0] / median(end),
                        median(timed), min(timed), max(timed),
                        median(runs.stream().mapToDouble(r -> r.stepsAtT()).toArray()),
                        1e3 * median(runs.stream().mapToDouble(Result::perStep).toArray())));
                if (dataset.equals(datasets.get(0))) {
                    series.put(method, curve);
                }
            }
        }
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, md.toString());
        System.out.println();
        System.out.print(md);
        double[] x = Arrays.stream(marks).asDoubleStream().toArray();
        plot(x, series, datasets.get(0) + ": exact W1 (" + samples + " vs " + samples
                + " held-out), median of " + seeds + " seeds", png);
        System.out.println("wrote " + markdown.toAbsolutePath() + " and " + png.toAbsolutePath());
    }

    private static Result run(String dataset, String method, long seed, int[] marks, double budget, int samples) {
        DataSource train;
        double[][] heldOut;
        int noise;
        int d;
        int[] hidden;
        Activation out;
        if (dataset.equals("digits")) {
            ArrayDataSource.Split split = Digits.load().asDataSource().split(300, seed);
            train = split.train();
            heldOut = split.heldOut();
            noise = 16;
            d = Digits.PIXELS;
            hidden = new int[] {128, 128};
            out = Activation.TANH;
        } else {
            train = dataset.equals("8g") ? ToyDistributions.eightGaussians() : ToyDistributions.twentyFiveGaussians();
            heldOut = train.sample(samples, -1000 - seed);
            noise = 2;
            d = 2;
            hidden = new int[] {WIDTH, WIDTH, WIDTH};
            out = Activation.IDENTITY;
        }
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(heldOut);
        Generator generator = Generator.mlp(new GeneratorSpec(noise, hidden, d, Activation.RELU, out, DataType.FLOAT,
                seed));
        RepresentativeFeatures features = RepresentativeFeatures.defaults().withPretrainSteps(300);
        int criticInputs = d + (method.equals("rfgan") ? features.dimension() : 0);
        Critic critic = Critic.mlp(new CriticSpec(criticInputs, hidden, Activation.RELU, DataType.FLOAT, seed + 1000));
        int steps = marks[marks.length - 1];
        Run run;
        if (method.equals("xicfg")) {
            CfgTrainer t = CfgTrainer.create(CfgConfig.xicfg(0.5).withBatchSize(64).withStages(10)
                    .withLearningRates(1e-3, 1e-3), generator, critic, train, seed);
            run = adapter(t::step, t::sample);
        } else {
            WganTrainer t = WganTrainer.create(config(method, steps, features), generator, critic, train, seed);
            run = adapter(t::step, (n, s) -> t.generator().sample(n, s));
        }
        int n = monitor.generatedSamples();
        double[] w1 = new double[marks.length];
        w1[0] = monitor.distance(run.sample(n, 7 * seed));
        double timed = Double.NaN;
        long stepsAtT = 0;
        double trained = 0;
        int k = 1;
        for (long step = 1; step <= steps || Double.isNaN(timed); step++) {
            long t0 = System.nanoTime();
            run.step();
            trained += (System.nanoTime() - t0) / 1e9;
            if (k < marks.length && step == marks[k]) {
                w1[k++] = monitor.distance(run.sample(n, 7 * seed + step));
            }
            if (Double.isNaN(timed) && trained >= budget) {
                timed = monitor.distance(run.sample(n, 7 * seed + step));
                stepsAtT = step;
            }
        }
        long done = Math.max(steps, stepsAtT);
        return new Result(dataset, method, seed, w1, timed, stepsAtT, trained / done);
    }

    private static WganConfig config(String method, int steps, RepresentativeFeatures features) {
        WganConfig gp = WganConfig.wganGpToy().withBatchSize(64).withLearningRates(1e-3, 1e-3);
        return switch (method) {
            case "wgan" -> {
                WganConfig w = WganConfig.wgan();
                yield w.withCriticMethod(((CriticMethod.Enforced) w.critic().method())
                        .withEnforcer(WeightClipping.of(0.1))).withBatchSize(64).withLearningRates(1e-3, 1e-3);
            }
            case "gp" -> gp;
            case "ts" -> WganConfig.wganTs().withBatchSize(64).withLearningRates(1e-3, 1e-3);
            case "jc" -> gp.withRegularizer(JacobianClamping.paper());
            case "lens" -> gp.withLens(TemperingLens.of(Math.max(1, steps / 2))
                    .withUpdater(new Adam(1e-3, 0.5, 0.9, 1e-8)));
            case "rfgan" -> gp.withFeatures(features);
            default -> throw new IllegalArgumentException("method must be one of " + METHODS + " but is " + method);
        };
    }

    /** The curves, one colour per method; the three WGAN modes dashed (the baselines), the methods solid. */
    private static void plot(double[] steps, Map<String, double[]> series, String title, Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("generator step")
                .yAxisTitle("exact W1").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        Color[] palette = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194)};
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries line = chart.addSeries(e.getKey(), steps, e.getValue());
            Color c = palette[k++ % palette.length];
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineColor(c);
            line.setMarkerColor(c);
            if (List.of("wgan", "gp", "ts").contains(e.getKey())) {
                line.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        Plots.save(chart, file);
    }

    private interface Sampler {
        double[][] sample(int n, long seed);
    }

    private static Run adapter(Runnable step, Sampler sampler) {
        return new Run() {
            @Override
            public void step() {
                step.run();
            }

            @Override
            public double[][] sample(int n, long seed) {
                return sampler.sample(n, seed);
            }
        };
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = r.readLine();
                return line == null ? "?" : line.replaceAll(".*load average: ", "");
            }
        } catch (IOException e) {
            return "?";
        }
    }
}
