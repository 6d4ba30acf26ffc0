package io.github.ot4j.critic.estimate;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.internal.Finite;
import io.github.ot4j.critic.internal.TrainableNetwork;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Regresses a fresh critic onto fixed targets T<sub>k</sub> at points z<sub>k</sub> by full-batch descent on
 * (1/N) Σ (f(z<sub>k</sub>) − T<sub>k</sub>)², to convergence: the points are standardised (z ↦ (z − μ)/σ, one
 * scalar σ so that the cost's geometry is kept) and the targets scaled by their root mean square s while
 * training; afterwards both are folded into the first and last layers, so that the critic computes f itself.
 *
 * <p>Stopping rule: every {@link #WINDOW} updates the relative residual r = ‖f − T‖<sub>2</sub> / ‖T‖<sub>2</sub> is
 * measured; training stops when r has improved by less than {@link #PLATEAU} (relative) over the last window,
 * after at least {@link #MIN_UPDATES} updates, or when r ≤ {@link #TOLERANCE}, or when the budget is spent.
 */
final class PotentialRegression {

    /** Updates between residual checks, 100. */
    static final int WINDOW = 100;
    /** Relative residual improvement per window below which the residual has reached its plateau, 1 %. */
    static final double PLATEAU = 0.01;
    /** Updates made before the plateau test applies, 400. */
    static final int MIN_UPDATES = 400;
    /** Relative residual at which the fit is exact enough, 2 % (measured: the c-transform reading is then within 0.5 % of W). */
    static final double TOLERANCE = 0.02;

    private PotentialRegression() {
    }

    /** Fits the critic; returns {iterations, final relative residual, converged (1/0)}. */
    static double[] fit(Critic critic, double[][] points, double[] targets, IUpdater updater, int budget) {
        int n = points.length;
        int d = points[0].length;
        double[] mu = new double[d];
        for (double[] z : points) {
            for (int k = 0; k < d; k++) {
                mu[k] += z[k] / n;
            }
        }
        double var = 0;
        for (double[] z : points) {
            for (int k = 0; k < d; k++) {
                var += (z[k] - mu[k]) * (z[k] - mu[k]) / ((double) n * d);
            }
        }
        double sigma = var > 0 ? Math.sqrt(var) : 1.0;
        double tt = 0;
        for (double t : targets) {
            tt += t * t;
        }
        double s = tt > 0 ? Math.sqrt(tt / n) : 1.0;
        double[][] scaled = new double[n][d];
        double[] tScaled = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                scaled[i][k] = (points[i][k] - mu[k]) / sigma;
            }
            tScaled[i] = targets[i] / s;
        }
        TrainableNetwork net = TrainableNetwork.of("critic", critic.network());
        net.useUpdater(updater);
        INDArray x = net.batch("points", scaled);
        INDArray t = Nd4j.createFromArray(tScaled).castTo(critic.dataType()).reshape(n, 1);
        double norm = t.norm2Number().doubleValue();
        double previous = Double.POSITIVE_INFINITY;
        double residual = Double.NaN;
        int done = 0;
        boolean converged = false;
        while (done < budget) {
            int steps = Math.min(WINDOW, budget - done);
            residual = net.attempt(() -> {
                double r = Double.NaN;
                for (int step = 0; step < steps; step++) {
                    INDArray e = net.forward(x).sub(t);
                    r = Finite.require("loss", e.norm2Number().doubleValue());
                    Gradient g = net.backward(e.muli(2.0 / n)).parameters();
                    Finite.require("gradient", g.gradient());
                    net.apply(g);
                }
                return r;
            });
            done += steps;
            residual = net.output(x).sub(t).norm2Number().doubleValue() / norm;
            if (residual <= TOLERANCE || done >= MIN_UPDATES && residual > (1 - PLATEAU) * previous) {
                converged = true;
                break;
            }
            previous = residual;
        }
        fold(critic, mu, sigma, s);
        return new double[] {done, residual, converged ? 1 : 0};
    }

    /** f(z) = s·g((z − μ)/σ): W₁ ← W₁/σ, b₁ ← b₁ − (μ/σ)W₁, then the last layer's W, b ← s·(W, b). */
    private static void fold(Critic critic, double[] mu, double sigma, double s) {
        Layer[] layers = critic.network().getLayers();
        INDArray w1 = layers[0].getParam("W");
        INDArray b1 = layers[0].getParam("b");
        w1.divi(sigma);
        INDArray shift = Nd4j.createFromArray(mu).castTo(w1.dataType()).reshape(1, mu.length).mmul(w1);
        b1.subi(shift.reshape(b1.shape()));
        Layer last = layers[layers.length - 1];
        last.getParam("W").muli(s);
        last.getParam("b").muli(s);
    }
}
