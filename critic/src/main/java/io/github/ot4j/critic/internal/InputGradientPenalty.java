package io.github.ot4j.critic.internal;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Penalties on the input-gradient norm, P = (λ/B) Σ<sub>b</sub> h(‖∇ₓf(x̂<sub>b</sub>)‖), at interpolates
 * x̂<sub>b</sub> = ε<sub>b</sub> y<sub>b</sub> + (1 − ε<sub>b</sub>) x<sub>b</sub>, ε<sub>b</sub> ~ U(0, 1), with
 * h(s) = (s − 1)² (two-sided, WGAN-GP) or max(0, s − 1)² (one-sided, WGAN-LP), and their exact gradient with
 * respect to the weights by analytic double backpropagation for dense networks with piecewise-linear
 * activations (DL4J cannot differentiate a gradient).
 *
 * <p>With a<sub>0</sub> = x̂, z<sub>k</sub> = a<sub>k</sub>W<sub>k</sub> + b<sub>k</sub>, masks
 * m<sub>k</sub> = φ'<sub>k</sub>(z<sub>k</sub>): δ<sub>L−1</sub> = 1,
 * δ<sub>k−1</sub> = (δ<sub>k</sub>W<sub>k</sub><sup>T</sup>) ∘ m<sub>k−1</sub>, g = δ<sub>0</sub>W<sub>0</sub><sup>T</sup>
 * = ∇ₓf(x̂); G = ∂P/∂g = (λ/B) h'(‖g‖)/‖g‖ · g; T<sub>0</sub> = G,
 * T<sub>k+1</sub> = (T<sub>k</sub>W<sub>k</sub>) ∘ m<sub>k</sub>; ∂P/∂W<sub>k</sub> = T<sub>k</sub><sup>T</sup>δ<sub>k</sub>,
 * and ∂P/∂b<sub>k</sub> = 0 (the masks are locally constant). Exact almost everywhere.
 */
public final class InputGradientPenalty {

    private InputGradientPenalty() {
    }

    /**
     * Checks that the critic's activations are piecewise linear.
     *
     * @param critic the critic's network
     * @throws IllegalArgumentException naming the first other activation
     */
    public static void requirePiecewiseLinear(TrainableNetwork critic) {
        for (int k = 0; k < critic.layerCount(); k++) {
            IActivation a = critic.activation(k);
            if (!(a instanceof ActivationReLU || a instanceof ActivationLReLU || a instanceof ActivationIdentity)) {
                throw new IllegalArgumentException("the gradient penalty needs piecewise-linear activations "
                        + "(ReLU, LeakyReLU, identity) but layer " + k + " uses " + a);
            }
        }
    }

    /**
     * The interpolates x̂<sub>b</sub> = ε<sub>b</sub> y<sub>b</sub> + (1 − ε<sub>b</sub>) x<sub>b</sub>.
     *
     * @param real the real batch, B × d
     * @param fake the fake batch, B × d
     * @param seed the seed of ε
     * @return x̂, B × d
     */
    public static INDArray interpolate(INDArray real, INDArray fake, long seed) {
        if (real.rows() != fake.rows()) {
            throw new IllegalArgumentException("the gradient penalty pairs real and fake rows: real has "
                    + real.rows() + " rows but fake has " + fake.rows());
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] eps = new double[(int) real.rows()];
        for (int b = 0; b < eps.length; b++) {
            eps[b] = random.nextDouble();
        }
        INDArray e = Nd4j.createFromArray(eps).castTo(real.dataType()).reshape(eps.length, 1);
        // x̂ = x + ε (y − x)
        return real.sub(fake).muliColumnVector(e).addi(fake);
    }

    /**
     * The penalty and, if {@code gradient} is not null, adds its weight gradient into it.
     *
     * @param critic   the critic's network, with piecewise-linear activations
     * @param real     the real batch, B × d
     * @param fake     the fake batch, B × d
     * @param seed     the seed of the interpolation weights
     * @param lambda   λ
     * @param oneSided whether h(s) = max(0, s − 1)² instead of (s − 1)²
     * @param gradient the parameter gradient to add into, or null
     * @return P
     */
    public static double compute(TrainableNetwork critic, INDArray real, INDArray fake, long seed, double lambda,
            boolean oneSided, Gradient gradient) {
        requirePiecewiseLinear(critic);
        INDArray y = critic.input("real", real);
        INDArray x = critic.input("fake", fake);
        FusedDense fused = critic.fused();
        if (fused != null) {
            return fused(fused, y, x, seed, lambda, oneSided, gradient);
        }
        INDArray xHat = interpolate(y, x, seed);
        int layers = critic.layerCount();
        long batch = xHat.rows();

        INDArray[] masks = new INDArray[layers];
        INDArray a = xHat;
        for (int k = 0; k < layers - 1; k++) {
            INDArray z = a.mmul(critic.weights(k));
            INDArray b = critic.bias(k);
            if (b != null) {
                z.addiRowVector(b);
            }
            IActivation act = critic.activation(k);
            masks[k] = act.backprop(z.dup(), Nd4j.onesLike(z)).getFirst();
            a = act.getActivation(z, false);
        }
        INDArray[] delta = new INDArray[layers];
        delta[layers - 1] = Nd4j.ones(xHat.dataType(), batch, 1);
        for (int k = layers - 1; k >= 1; k--) {
            delta[k - 1] = delta[k].mmul(critic.weights(k).transpose()).muli(masks[k - 1]);
        }
        INDArray g = delta[0].mmul(critic.weights(0).transpose());

        double[] norms = Arrays2.vector(g.norm2(1));
        double[] coef = new double[norms.length];
        double penalty = 0;
        for (int i = 0; i < norms.length; i++) {
            double excess = norms[i] - 1.0;
            if (oneSided && excess < 0) {
                excess = 0;
            }
            penalty += excess * excess;
            coef[i] = norms[i] > 0 ? 2.0 * lambda / batch * excess / norms[i] : 0.0;
        }
        penalty *= lambda / batch;
        if (gradient == null) {
            return penalty;
        }
        INDArray t = g.mulColumnVector(Nd4j.createFromArray(coef).castTo(g.dataType()).reshape(coef.length, 1));
        for (int k = 0; k < layers; k++) {
            INDArray dW = t.transpose().mmul(delta[k]);
            TrainableNetwork.weightGradient(gradient, k).addi(dW);
            if (k < layers - 1) {
                t = t.mmul(critic.weights(k)).muli(masks[k]);
            }
        }
        return penalty;
    }

    /** {@link #compute} on the fast path: the same steps in preallocated buffers, products by BLAS in place. */
    private static double fused(FusedDense f, INDArray y, INDArray x, long seed, double lambda, boolean oneSided,
            Gradient gradient) {
        if (y.rows() != x.rows()) {
            throw new IllegalArgumentException("the gradient penalty pairs real and fake rows: real has "
                    + y.rows() + " rows but fake has " + x.rows());
        }
        int batch = Math.toIntExact(y.rows());
        int layers = f.layers;
        int d = f.widths[0];
        FusedScratch s = f.penaltyScratch(batch);
        // x̂ = x + ε (y − x), written into a₀; y passes through T₀'s buffer
        s.act[0].assign(x);
        s.t[0].assign(y);
        Vec xh = s.vact[0];
        Vec yv = s.vt[0];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            double e = random.nextDouble();
            for (int j = 0; j < d; j++) {
                int i = b + j * batch;
                double xv = xh.get(i);
                xh.set(i, (yv.get(i) - xv) * e + xv);
            }
        }
        f.penaltyForward(s);
        // δ_L = φ'_{L−1}, δ_k = (δ_{k+1} W_kᵀ) ∘ φ'_{k−1}, g = δ₀ = ∇ₓf(x̂)
        s.delta[layers].assign(1.0);
        f.derivative(layers - 1, s.vdelta[layers], s.vact[layers], batch, s.chunk);
        for (int k = layers - 1; k >= 0; k--) {
            DirectGemm.product(s.delta[k + 1], f.weights(k), s.delta[k], false, true);
            if (k > 0) {
                f.derivative(k - 1, s.vdelta[k], s.vact[k], batch, s.chunk);
            }
        }
        Vec g = s.vdelta[0];
        double[] coef = new double[batch];
        double penalty = 0;
        for (int b = 0; b < batch; b++) {
            double squares = 0;
            for (int j = 0; j < d; j++) {
                double v = g.get(b + j * batch);
                squares += v * v;
            }
            double norm = Math.sqrt(squares);
            double excess = norm - 1.0;
            if (oneSided && excess < 0) {
                excess = 0;
            }
            penalty += excess * excess;
            coef[b] = norm > 0 ? 2.0 * lambda / batch * excess / norm : 0.0;
        }
        penalty *= lambda / batch;
        if (gradient == null) {
            return penalty;
        }
        // T₀ = G, ∂W_k += T_kᵀ δ_{k+1}, T_{k+1} = (T_k W_k) ∘ φ'_k
        Vec t0 = s.vt[0];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < d; j++) {
                t0.set(b + j * batch, g.get(b + j * batch) * coef[b]);
            }
        }
        for (int k = 0; k < layers; k++) {
            INDArray target = gradient == f.gradient() ? f.weightGradient(k)
                    : TrainableNetwork.weightGradient(gradient, k);
            if (target.ordering() == 'f' && target.dataType() == f.type) {
                Nd4j.gemm(s.t[k], s.delta[k + 1], target, true, false, 1.0, 1.0);
            } else {
                target.addi(s.t[k].transpose().mmul(s.delta[k + 1]));
            }
            if (k < layers - 1) {
                DirectGemm.product(s.t[k], f.weights(k), s.t[k + 1], false, false);
                f.derivative(k, s.vt[k + 1], s.vact[k + 1], batch, s.chunk);
            }
        }
        return penalty;
    }
}
