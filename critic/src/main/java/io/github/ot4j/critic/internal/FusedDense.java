package io.github.ot4j.critic.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The private fast path of {@link TrainableNetwork} for plain dense networks on nd4j's CPU backend: the same
 * forward pass, backward pass and gradient as DL4J's ({@code FusedDenseTest} checks them against DL4J in
 * float64), computed with BLAS {@code gemm} written straight into preallocated column-major buffers and into the
 * network's own parameter-gradient view, and with bias, activation and activation derivative fused into one Java
 * loop per layer. No native temporaries and no per-op dispatch: a step of a small network costs its arithmetic.
 * The loops run over {@link Vec.Chunk runs} of a column copied into Java arrays ({@link Vec#read}, {@link
 * Vec#write}), the LeakyReLU and its derivative without a branch ({@link Vec#select}; a layer's signs are a coin
 * toss, so a branch is mispredicted half the time): the same doubles as element-by-element buffer access with a
 * conditional, bit for bit; on a 512 × 512 layer of the benchmark critic bias + LeakyReLU took 0.5 ms instead of
 * 0.95 and the 2-input first layer 0.2 ms instead of 0.86.
 *
 * <p>With a<sub>0</sub> = x, a<sub>k+1</sub> = φ<sub>k</sub>(a<sub>k</sub>W<sub>k</sub> + b<sub>k</sub>); backward
 * for ε: δ<sub>L</sub> = ε ∘ φ'<sub>L−1</sub>, ∂W<sub>k</sub> = a<sub>k</sub><sup>T</sup>δ<sub>k+1</sub>,
 * ∂b<sub>k</sub> = 1<sup>T</sup>δ<sub>k+1</sub>, δ<sub>k</sub> = (δ<sub>k+1</sub>W<sub>k</sub><sup>T</sup>) ∘
 * φ'<sub>k−1</sub> (δ<sub>0</sub> the input gradient). φ' is read from the stored activation, which determines
 * it for the activations served here (identity, ReLU, LeakyReLU with α ≥ 0, tanh, sigmoid).
 *
 * <p>Applies ({@link #of}) only when the network is exactly what this computes: every layer a DL4J dense layer
 * without layer normalisation, regularisation, gradient normalisation, constraints or input preprocessor, one
 * of those activations, float or double, parameters laid out as DL4J's {@code DefaultParamInitializer} lays
 * them out (checked on the live views). Anything else goes through DL4J. The parameters are read from the
 * network's flat parameter array on every call; nothing of the network is kept but views of that array and of
 * the gradient array (re-made if the network replaces them). Not thread-safe, except {@link #output}.
 */
final class FusedDense {

    private static final int IDENTITY = 0;
    private static final int LEAKY = 1;
    private static final int TANH = 2;
    private static final int SIGMOID = 3;
    /** Inputs this narrow are multiplied by a loop, not by BLAS. */
    private static final int NARROW = 4;

    /** Fast paths by network identity (MultiLayerNetwork.equals compares contents), weakly. */
    private static final List<Cached> CACHE = new ArrayList<>();

    private record Cached(WeakReference<MultiLayerNetwork> net, FusedDense fused) {
    }

    final int layers;
    /** n<sub>0</sub> … n<sub>L</sub>, the widths. */
    final int[] widths;
    private final int[] kind;
    private final double[] alpha;
    private final boolean[] bias;
    private final int[] weightOffset;
    final DataType type;
    final INDArray params;
    final INDArray gradients;
    final Vec p;
    final Vec g;
    private final INDArray[] w;
    private final INDArray[] gw;
    private final Gradient gradient;
    private final FusedScratch training = new FusedScratch(false);
    private final FusedScratch penalty = new FusedScratch(true);
    private final FusedScratch inference = new FusedScratch(false);

    private FusedDense(MultiLayerNetwork net, int[] kind, double[] alpha) {
        this.layers = net.getnLayers();
        this.kind = kind;
        this.alpha = alpha;
        this.type = net.getLayerWiseConfigurations().getDataType();
        this.params = net.params();
        this.gradients = net.getFlattenedGradients();
        this.p = Vec.of(params);
        this.g = Vec.of(gradients);
        this.widths = new int[layers + 1];
        this.bias = new boolean[layers];
        this.weightOffset = new int[layers];
        this.w = new INDArray[layers];
        this.gw = new INDArray[layers];
        DefaultGradient grad = new DefaultGradient(gradients);
        int offset = 0;
        for (int k = 0; k < layers; k++) {
            DenseLayer layer = (DenseLayer) net.getLayer(k).conf().getLayer();
            int nIn = Math.toIntExact(layer.getNIn());
            int nOut = Math.toIntExact(layer.getNOut());
            widths[k] = nIn;
            widths[k + 1] = nOut;
            bias[k] = layer.hasBias();
            weightOffset[k] = offset;
            w[k] = matrix(params, offset, nIn, nOut);
            gw[k] = matrix(gradients, offset, nIn, nOut);
            grad.setGradientFor(k + "_W", gw[k]);
            offset += nIn * nOut;
            if (bias[k]) {
                grad.setGradientFor(k + "_b", matrix(gradients, offset, 1, nOut));
                offset += nOut;
            }
        }
        this.gradient = grad;
    }

    /**
     * The fast path of a network, made once per network (and again if the network replaced its parameter or
     * gradient arrays).
     *
     * @param net an initialised network whose layers are DenseLayers
     * @return the fast path, or {@code null} if the network is not one it computes exactly
     */
    static FusedDense of(MultiLayerNetwork net) {
        synchronized (CACHE) {
            for (Iterator<Cached> it = CACHE.iterator(); it.hasNext();) {
                Cached c = it.next();
                MultiLayerNetwork key = c.net.get();
                if (key == null) {
                    it.remove();
                } else if (key == net) {
                    if (c.fused != null && c.fused.params == net.params()
                            && c.fused.gradients == net.getFlattenedGradients()) {
                        return c.fused;
                    }
                    it.remove();
                    break;
                }
            }
            FusedDense fused = make(net);
            CACHE.add(new Cached(new WeakReference<>(net), fused));
            return fused;
        }
    }

    private static FusedDense make(MultiLayerNetwork net) {
        DataType type = net.getLayerWiseConfigurations().getDataType();
        if ((type != DataType.FLOAT && type != DataType.DOUBLE) || !cpuBackend()) {
            return null;
        }
        int n = net.getnLayers();
        int[] kind = new int[n];
        double[] alpha = new double[n];
        long expected = 0;
        for (int k = 0; k < n; k++) {
            if (!(net.getLayer(k).conf().getLayer() instanceof DenseLayer layer)
                    || net.getLayerWiseConfigurations().getInputPreProcess(k) != null || layer.hasLayerNorm()
                    || !empty(layer.getRegularization()) || !empty(layer.getRegularizationBias())
                    || (layer.getConstraints() != null && !layer.getConstraints().isEmpty())
                    || (layer.getGradientNormalization() != null
                            && layer.getGradientNormalization() != GradientNormalization.None)) {
                return null;
            }
            IActivation a = layer.getActivationFn();
            if (a instanceof ActivationIdentity) {
                kind[k] = IDENTITY;
            } else if (a instanceof ActivationReLU relu && relu.getMax() == null
                    && (relu.getThreshold() == null || relu.getThreshold() == 0.0)
                    && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0.0)) {
                kind[k] = LEAKY;
            } else if (a instanceof ActivationLReLU lrelu && lrelu.getAlpha() >= 0) {
                kind[k] = LEAKY;
                alpha[k] = lrelu.getAlpha();
            } else if (a instanceof ActivationTanH) {
                kind[k] = TANH;
            } else if (a instanceof ActivationSigmoid) {
                kind[k] = SIGMOID;
            } else {
                return null;
            }
            // DefaultParamInitializer: W (nIn × nOut, column-major) then b, layer after layer
            INDArray wk = net.getLayer(k).getParam("W");
            long size = layer.getNIn() * layer.getNOut();
            if (wk == null || wk.ordering() != 'f' || wk.rank() != 2 || wk.rows() != layer.getNIn()
                    || wk.columns() != layer.getNOut() || wk.offset() != expected) {
                return null;
            }
            expected += size;
            if (layer.hasBias()) {
                INDArray bk = net.getLayer(k).getParam("b");
                if (bk == null || bk.length() != layer.getNOut() || bk.offset() != expected) {
                    return null;
                }
                expected += layer.getNOut();
            }
        }
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        INDArray params = net.params();
        INDArray grads = net.getFlattenedGradients();
        if (expected != params.length() || grads == null || grads.length() != expected
                || Vec.of(params) == null || Vec.of(grads) == null || grads.dataType() != type) {
            return null;
        }
        return new FusedDense(net, kind, alpha);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean cpuBackend() {
        return Nd4j.getBackend().getClass().getName().equals("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
    }

    private static INDArray matrix(INDArray flat, int offset, int rows, int columns) {
        return flat.reshape(flat.length()).get(NDArrayIndex.interval(offset, offset + (long) rows * columns))
                .reshape('f', rows, columns);
    }

    /** @return the gradient object over the network's gradient view that {@link #backward} fills */
    Gradient gradient() {
        return gradient;
    }

    /** @return W<sub>k</sub>, a live column-major view */
    INDArray weights(int k) {
        return w[k];
    }

    /** @return ∂W<sub>k</sub>, a live column-major view into the network's gradient array */
    INDArray weightGradient(int k) {
        return gw[k];
    }

    /**
     * The training forward pass: its activations stay for {@link #backward}.
     *
     * @param x n × n<sub>0</sub>
     * @return the output, n × n<sub>L</sub>, a buffer the next training forward pass overwrites
     */
    INDArray forward(INDArray x) {
        return run(training, x);
    }

    /**
     * The output in inference mode (the same function: no dropout or batch statistics here).
     *
     * @param x n × n<sub>0</sub>
     * @return the output, a new array
     */
    synchronized INDArray output(INDArray x) {
        return run(inference, x).dup('c');
    }

    /** @return the training pass's buffers (for the tests) */
    FusedScratch trainingScratch() {
        return training;
    }

    /**
     * @param rows the batch size
     * @return the gradient penalty's own buffers (the training activations stay), for n = rows
     */
    FusedScratch penaltyScratch(int rows) {
        penalty.size(this, rows);
        return penalty;
    }

    /**
     * The forward pass from the input already in {@code s.act[0]}.
     *
     * @param s buffers sized by {@link #penaltyScratch}
     */
    void penaltyForward(FusedScratch s) {
        layers(s);
    }

    private INDArray run(FusedScratch s, INDArray x) {
        s.size(this, Math.toIntExact(x.rows()));
        s.act[0].assign(x);
        return layers(s);
    }

    private INDArray layers(FusedScratch s) {
        for (int k = 0; k < layers; k++) {
            if (widths[k] <= NARROW) {
                narrowProduct(k, s.vact[k], s.vact[k + 1], s.rows, s.chunk);
            } else {
                DirectGemm.product(s.act[k], w[k], s.act[k + 1], false, false);
            }
            biasActivation(k, s.vact[k + 1], s.rows, s.chunk);
        }
        return s.act[layers];
    }

    /**
     * The backward pass after {@link #forward}: parameter gradient into the network's gradient view, input
     * gradient returned.
     *
     * @param epsilon ε, n × n<sub>L</sub>
     * @param input   whether to compute the input gradient
     * @return δ<sub>0</sub>, n × n<sub>0</sub>, a buffer the next backward pass overwrites; null if not
     *         {@code input}
     */
    INDArray backward(INDArray epsilon, boolean input) {
        FusedScratch s = training;
        s.delta[layers].assign(epsilon);
        derivative(layers - 1, s.vdelta[layers], s.vact[layers], s.rows, s.chunk);
        boolean summed = false; // whether δ_(k+1)'s column sums, ∂b_k, were taken with its derivative
        for (int k = layers - 1; k >= 0; k--) {
            DirectGemm.product(s.act[k], s.delta[k + 1], gw[k], true, false);
            if (bias[k] && !summed) {
                columnSums(s.vdelta[k + 1], s.rows, widths[k + 1], weightOffset[k] + widths[k] * widths[k + 1],
                        s.chunk);
            }
            if (k > 0 || input) {
                DirectGemm.product(s.delta[k + 1], w[k], s.delta[k], false, true);
            }
            summed = false;
            if (k > 0 && bias[k - 1] && kind[k - 1] == LEAKY && s.vdelta[k] instanceof Vec.F d
                    && s.vact[k] instanceof Vec.F a) {
                FloatRuns.leakyDerivativeSums(d.b, a.b, s.rows, widths[k], alpha[k - 1], g,
                        weightOffset[k - 1] + widths[k - 1] * widths[k], s.chunk);
                summed = true;
            } else if (k > 0) {
                derivative(k - 1, s.vdelta[k], s.vact[k], s.rows, s.chunk);
            }
        }
        return input ? s.delta[0] : null;
    }

    /**
     * z = a W<sub>k</sub> for an input of at most {@link #NARROW} columns, a plain loop (a BLAS call costs more
     * than its n·n<sub>k+1</sub>·n<sub>k</sub> multiplications there): z<sub>ij</sub> = Σ<sub>c</sub>
     * a<sub>ic</sub>W<sub>cj</sub>, summed from 0 in the order c = 0, 1, …
     */
    private void narrowProduct(int k, Vec a, Vec z, int rows, Vec.Chunk chunk) {
        int nIn = widths[k];
        int columns = widths[k + 1];
        int wk = weightOffset[k];
        double[] w = new double[nIn * columns];
        for (int e = 0; e < w.length; e++) {
            w[e] = p.get(wk + e); // column-major: W[c][j] at c + j·nIn
        }
        double[][] in = {chunk.b, chunk.c, chunk.d, chunk.e}; // nIn ≤ NARROW = 4
        double[] out = chunk.a;
        for (int i0 = 0; i0 < rows; i0 += Vec.Chunk.SIZE) {
            int n = Math.min(Vec.Chunk.SIZE, rows - i0);
            for (int c = 0; c < nIn; c++) {
                a.read(c * rows + i0, n, in[c], chunk.tmp);
            }
            for (int j = 0; j < columns; j++) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                for (int c = 0; c < nIn; c++) {
                    double wcj = w[c + j * nIn];
                    double[] ac = in[c];
                    for (int i = 0; i < n; i++) {
                        out[i] += ac[i] * wcj;
                    }
                }
                z.write(j * rows + i0, n, out, chunk.tmp);
            }
        }
    }

    /** z ← φ<sub>k</sub>(z + b<sub>k</sub>) in place, column by column, in runs of {@link Vec.Chunk#SIZE}. */
    private void biasActivation(int k, Vec z, int rows, Vec.Chunk chunk) {
        int columns = widths[k + 1];
        int b = weightOffset[k] + widths[k] * columns;
        int f = kind[k];
        if (f == IDENTITY && !bias[k]) {
            return;
        }
        double slope = alpha[k];
        double[] v = chunk.a;
        Vec.F floats = (f == LEAKY || f == IDENTITY) && z instanceof Vec.F zf ? zf : null;
        for (int j = 0; j < columns; j++) {
            double bj = bias[k] ? p.get(b + j) : 0.0;
            int base = j * rows;
            for (int i0 = 0; i0 < rows; i0 += Vec.Chunk.SIZE) {
                int n = Math.min(Vec.Chunk.SIZE, rows - i0);
                if (floats != null) {
                    FloatRuns.biasActivation(floats.b, base + i0, n, bj, f == LEAKY, slope, chunk.tmp);
                    continue;
                }
                z.read(base + i0, n, v, chunk.tmp);
                switch (f) {
                    case LEAKY -> {
                        for (int i = 0; i < n; i++) {
                            v[i] = v[i] + bj;
                        }
                        for (int i = 0; i < n; i++) {
                            v[i] = Vec.select(Vec.positive(v[i]), v[i], slope * v[i]);
                        }
                    }
                    case TANH -> {
                        for (int i = 0; i < n; i++) {
                            v[i] = Math.tanh(v[i] + bj);
                        }
                    }
                    case SIGMOID -> {
                        for (int i = 0; i < n; i++) {
                            v[i] = 1.0 / (1.0 + Math.exp(-(v[i] + bj)));
                        }
                    }
                    default -> {
                        for (int i = 0; i < n; i++) {
                            v[i] = v[i] + bj;
                        }
                    }
                }
                z.write(base + i0, n, v, chunk.tmp);
            }
        }
    }

    /** d ← d ∘ φ'<sub>k</sub>, φ' read from the activation a<sub>k+1</sub> of the same shape. */
    void derivative(int k, Vec d, Vec a, int rows, Vec.Chunk chunk) {
        int total = rows * widths[k + 1];
        int f = kind[k];
        if (f == IDENTITY) {
            return;
        }
        double slope = alpha[k];
        double[] x = chunk.a;
        double[] y = chunk.b;
        if (f == LEAKY && d instanceof Vec.F df && a instanceof Vec.F af) {
            for (int i0 = 0; i0 < total; i0 += Vec.Chunk.SIZE) {
                FloatRuns.leakyDerivative(df.b, af.b, i0, Math.min(Vec.Chunk.SIZE, total - i0), slope, chunk.tmp,
                        chunk.tmp2);
            }
            return;
        }
        for (int i0 = 0; i0 < total; i0 += Vec.Chunk.SIZE) {
            int n = Math.min(Vec.Chunk.SIZE, total - i0);
            d.read(i0, n, x, chunk.tmp);
            a.read(i0, n, y, chunk.tmp);
            switch (f) {
                case LEAKY -> {
                    for (int i = 0; i < n; i++) {
                        // d·(a > 0 ? 1 : α) without a branch: the signs of a layer's activations are a coin toss
                        x[i] = Vec.select(Vec.positive(y[i]), x[i], x[i] * slope);
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        double v = y[i];
                        x[i] = x[i] * (1 - v * v);
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        double v = y[i];
                        x[i] = x[i] * v * (1 - v);
                    }
                }
            }
            d.write(i0, n, x, chunk.tmp);
        }
    }

    /** ∂b ← column sums of δ (summed in row order), written at {@code offset} of the gradient array. */
    private void columnSums(Vec delta, int rows, int columns, int offset, Vec.Chunk chunk) {
        if (delta instanceof Vec.F df) {
            FloatRuns.columnSums(df.b, rows, columns, g, offset, chunk);
            return;
        }
        double[] x = chunk.a;
        for (int j = 0; j < columns; j++) {
            double s = 0;
            for (int i0 = 0; i0 < rows; i0 += Vec.Chunk.SIZE) {
                int n = Math.min(Vec.Chunk.SIZE, rows - i0);
                delta.read(j * rows + i0, n, x, chunk.tmp);
                for (int i = 0; i < n; i++) {
                    s += x[i];
                }
            }
            g.set(offset + j, s);
        }
    }
}
