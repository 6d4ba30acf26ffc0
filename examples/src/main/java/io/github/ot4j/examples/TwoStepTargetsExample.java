package io.github.ot4j.examples;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.core.wgants.TwoStepTarget;
import io.github.ot4j.core.wgants.TwoStepTargets;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * WGAN-TS step 1 on one batch: 64 "real" points from N((1,1), I) and 64 "generated" points from N(0, I)
 * in 2-D, L1 cost. Prints the exact distance, the first targets and a check of the constraints
 * T<sub>i</sub> − T<sub>j</sub> ≤ c(y<sub>i</sub>, x<sub>j</sub>).
 */
public final class TwoStepTargetsExample {

    private TwoStepTargetsExample() {
    }

    /**
     * Runs the example; an argument ends it with one line on standard error and exit status
     * {@value ExampleMain#BAD_INPUT} (see {@link ExampleMain}).
     *
     * @param args none
     */
    public static void main(String[] args) {
        ExampleMain.exit("TwoStepTargetsExample", () -> run(args));
    }

    /**
     * The example's body.
     *
     * @param args none
     */
    static void run(String[] args) {
        ExampleMain.noMoreThan(args, 0, "TwoStepTargetsExample");
        SplittableRandom random = new SplittableRandom(2018);
        double[][] real = gaussian(random, 64, 1.0);
        double[][] fake = gaussian(random, 64, 0.0);
        GroundCost cost = GroundCost.cityblock();

        TwoStepTarget t = TwoStepTargets.compute(real, fake, cost);

        double worst = Double.NEGATIVE_INFINITY;
        double[] tr = t.real();
        double[] tf = t.fake();
        for (int i = 0; i < tr.length; i++) {
            for (int j = 0; j < tf.length; j++) {
                worst = Math.max(worst, tr[i] - tf[j] - cost.between(real[i], fake[j]));
            }
        }
        System.out.printf(Locale.ROOT, "WGAN-TS targets for a 64 x 64 batch, L1 cost%n");
        System.out.printf(Locale.ROOT, "  exact distance                 %.12f%n", t.distance());
        System.out.printf(Locale.ROOT, "  (1/m) sum T_i - (1/n) sum T_j  %.12f%n", t.objective());
        System.out.printf(Locale.ROOT, "  max (T_i - T_j - c_ij)         %.3e  (<= 0: the constraints hold)%n", worst);
        System.out.printf(Locale.ROOT, "  first real targets  T_i: %.4f %.4f %.4f ...%n", tr[0], tr[1], tr[2]);
        System.out.printf(Locale.ROOT, "  first fake targets  T_j: %.4f %.4f %.4f ...%n", tf[0], tf[1], tf[2]);
        System.out.println("  A critic regressed onto these targets (step 2) estimates the distance by"
                + " mean f(real) - mean f(fake).");
    }

    private static double[][] gaussian(SplittableRandom random, int n, double mean) {
        double[][] p = new double[n][2];
        for (double[] row : p) {
            for (int k = 0; k < 2; k++) {
                double u = 1 - random.nextDouble();
                row[k] = mean + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        return p;
    }
}
