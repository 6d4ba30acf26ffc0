package io.github.ot4j.gan.monitor;

/**
 * What a WGAN trainer reports every k generator steps. Losses, estimate and penalty are means over the
 * generator steps since the previous report.
 *
 * <p>The critic's estimate Ŵ = mean f(real) − mean f(fake) is in the units of the ground cost only if the
 * critic is 1-Lipschitz; {@link #exactDistance()} is the exact W<sub>1</sub> (under the monitor's cost) between a
 * fresh generated sample and held-out real data, solved by ot-core: the number Ŵ should track. It is NaN when the
 * trainer runs without an {@link ExactDistanceMonitor}.
 *
 * @param iteration        generator steps done so far (1-based count)
 * @param totalIterations  generator steps the run was asked to reach
 * @param generatorLoss    mean of −mean f(G(z))
 * @param criticLoss       mean critic loss of the last critic step of each generator step
 * @param criticEstimate   mean critic estimate Ŵ
 * @param penalty          mean enforcer penalty (0 for enforcers without one)
 * @param exactDistance    exact W<sub>1</sub>(generated, held-out real), or NaN
 * @param elapsedSeconds   wall-clock seconds since this run started
 * @param stepsPerSecond   generator steps per second in this run
 */
public record TrainingReport(long iteration, long totalIterations, double generatorLoss, double criticLoss,
                             double criticEstimate, double penalty, double exactDistance, double elapsedSeconds,
                             double stepsPerSecond) {

    /**
     * The estimated seconds left to reach {@link #totalIterations()} at the current rate.
     *
     * @return seconds, 0 when done, infinity when the rate is 0
     */
    public double etaSeconds() {
        long left = Math.max(0, totalIterations - iteration);
        if (left == 0) {
            return 0.0;
        }
        return stepsPerSecond > 0 ? left / stepsPerSecond : Double.POSITIVE_INFINITY;
    }
}
