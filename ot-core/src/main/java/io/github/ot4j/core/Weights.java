package io.github.ot4j.core;

/** Checks and sums of weight vectors (package-private). */
final class Weights {

    private Weights() {
    }

    /**
     * Requires a non-empty vector of finite, non-negative weights with a positive sum.
     *
     * @return {@code weights}
     */
    static double[] check(String name, double[] weights) {
        if (weights == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but is " + w);
            }
            if (w < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] must be >= 0 but is " + w);
            }
        }
        double total = sum(weights);
        if (total == Double.POSITIVE_INFINITY || Double.isNaN(total)) {
            throw new IllegalArgumentException(name + " overflows: its weights (up to " + max(weights)
                    + ") sum to more than " + Double.MAX_VALUE + "; scale them down");
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(name + " must have a positive sum but sums to " + total);
        }
        return weights;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** Kahan-compensated sum. */
    static double sum(double[] values) {
        double sum = 0;
        double compensation = 0;
        for (double value : values) {
            double y = value - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
