package io.github.ot4j.critic.internal;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * DL4J's Adam, RMSProp and SGD updater steps and the parameter update θ ← θ − u fused into one loop over the
 * network's flat parameter, gradient and updater-state arrays, in place: the same arithmetic as DL4J's
 * updater kernels ({@code FusedUpdaterTest} checks parameters and state against DL4J's updater in float64),
 * without the kernels' temporaries. Per element, with iteration t (counted from 0) and gradient g:
 * <ul>
 *   <li>Adam: m ← β<sub>1</sub>m + (1 − β<sub>1</sub>)g, v ← β<sub>2</sub>v + (1 − β<sub>2</sub>)g²,
 *       u = α<sub>t</sub> m / (√v + ε) with α<sub>t</sub> = η √(1 − β<sub>2</sub><sup>t+1</sup>) /
 *       (1 − β<sub>1</sub><sup>t+1</sup>) (ε if that is 0 or not finite);</li>
 *   <li>RMSProp: s ← ρ s + (1 − ρ) g², u = η g / (√s + ε);</li>
 *   <li>SGD: u = η g.</li>
 * </ul>
 * The loop runs over {@link Vec.Chunk runs} of the four arrays copied into Java arrays, the same arithmetic element by
 * element. The gradient array is left as it was (DL4J leaves the update in it: nothing here reads it afterwards).
 * A plan is made for one DL4J updater object and its state array; {@link #plan} returns {@code null} for any
 * other updater, which then runs through DL4J.
 */
final class FusedUpdater {

    private static final int SGD = 0;
    private static final int ADAM = 1;
    private static final int RMSPROP = 2;

    final Updater updater;
    final INDArray state;
    private final Vec s;
    private final List<UpdaterBlock> blocks;
    private final int[] kind;
    private final int[] paramStart;
    private final int[] paramEnd;
    private final int[] stateStart;
    /** The Java-array runs of {@link #apply}. */
    private final Vec.Chunk chunk = new Vec.Chunk();

    private FusedUpdater(Updater updater, INDArray state, List<UpdaterBlock> blocks, int[] kind) {
        this.updater = updater;
        this.state = state;
        this.s = state == null ? null : Vec.of(state);
        int n = blocks.size();
        this.kind = kind;
        this.blocks = blocks;
        this.paramStart = new int[n];
        this.paramEnd = new int[n];
        this.stateStart = new int[n];
        for (int b = 0; b < n; b++) {
            UpdaterBlock block = blocks.get(b);
            paramStart[b] = block.getParamOffsetStart();
            paramEnd[b] = block.getParamOffsetEnd();
            stateStart[b] = block.getUpdaterViewOffsetStart();
        }
    }

    /**
     * @param net a network whose parameters {@code fused} computes
     * @return the plan of its installed updater, or {@code null} if an updater block is not Adam, RMSProp or SGD
     *         or its state is not laid out as DL4J's kernels lay it out
     */
    static FusedUpdater plan(MultiLayerNetwork net) {
        Updater updater = net.getUpdater(true);
        if (!(updater instanceof MultiLayerUpdater multi)) {
            return null;
        }
        INDArray state = multi.getStateViewArray();
        if (state != null && Vec.of(state) == null) {
            return null;
        }
        List<UpdaterBlock> blocks = multi.getUpdaterBlocks();
        int[] kind = new int[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            UpdaterBlock block = blocks.get(b);
            IUpdater c = block.getGradientUpdater().getConfig();
            int n = block.getParamOffsetEnd() - block.getParamOffsetStart();
            int s0 = block.getUpdaterViewOffsetStart();
            Map<String, INDArray> st = block.getGradientUpdater().getState();
            if (c instanceof Adam) {
                kind[b] = ADAM;
                if (!at(st, "M", s0, n) || !at(st, "V", s0 + n, n)) {
                    return null;
                }
            } else if (c instanceof RmsProp) {
                kind[b] = RMSPROP;
                if (!at(st, "G", s0, n)) {
                    return null;
                }
            } else if (c instanceof Sgd) {
                kind[b] = SGD;
            } else {
                return null;
            }
        }
        // the blocks must cover every parameter and every state entry, in order, as DL4J lays them out
        long params = 0;
        long states = 0;
        for (int b = 0; b < blocks.size(); b++) {
            UpdaterBlock block = blocks.get(b);
            int n = block.getParamOffsetEnd() - block.getParamOffsetStart();
            if (block.getParamOffsetStart() != params || block.getUpdaterViewOffsetStart() != states && n > 0
                    && kind[b] != SGD) {
                return null;
            }
            params += n;
            states += kind[b] == ADAM ? 2L * n : kind[b] == RMSPROP ? n : 0;
        }
        if (params != net.params().length() || states != (state == null ? 0 : state.length())) {
            return null;
        }
        return new FusedUpdater(updater, state, blocks, kind);
    }

    /** Whether a state entry is the view of the state array at [offset, offset + n). */
    private static boolean at(Map<String, INDArray> state, String key, long offset, long n) {
        INDArray v = state == null ? null : state.get(key);
        return v != null && v.length() == n && v.offset() == offset;
    }

    /**
     * @param net the network of this plan
     * @return whether the plan still describes the network's updater
     */
    boolean current(MultiLayerNetwork net) {
        Updater u = net.getUpdater(true);
        return u == updater && ((MultiLayerUpdater) u).getStateViewArray() == state;
    }

    /**
     * One updater step applied to the parameters, in place.
     *
     * @param p         the parameters
     * @param g         the gradient
     * @param iteration the network's iteration count
     * @param epoch     the network's epoch count
     */
    void apply(Vec p, Vec g, int iteration, int epoch) {
        for (int b = 0; b < kind.length; b++) {
            // read on every step: DL4J's setLearningRate replaces the configuration objects
            IUpdater config = blocks.get(b).getGradientUpdater().getConfig();
            double lr = config.getLearningRate(iteration, epoch);
            int start = paramStart[b];
            int end = paramEnd[b];
            switch (kind[b]) {
                case ADAM -> adam((Adam) config, lr, iteration, p, g, start, end, stateStart[b]);
                case RMSPROP -> rmsProp((RmsProp) config, lr, p, g, start, end, stateStart[b]);
                default -> {
                    for (int i = start; i < end; i++) {
                        p.set(i, p.get(i) - lr * g.get(i));
                    }
                }
            }
        }
    }

    private void adam(Adam c, double lr, int iteration, Vec p, Vec g, int start, int end, int s0) {
        double beta1 = c.getBeta1();
        double beta2 = c.getBeta2();
        double epsilon = c.getEpsilon();
        double alpha = lr * Math.sqrt(1.0 - Math.pow(beta2, iteration + 1.0))
                / (1.0 - Math.pow(beta1, iteration + 1.0));
        if (Double.isNaN(alpha) || alpha == 0 || Double.isInfinite(alpha)) {
            alpha = epsilon;
        }
        int n = end - start;
        int m0 = s0 - start;
        int v0 = s0 + n - start;
        double[] gs = chunk.a;
        double[] ms = chunk.b;
        double[] vs = chunk.c;
        double[] ps = chunk.d;
        for (int i0 = start; i0 < end; i0 += Vec.Chunk.SIZE) {
            int len = Math.min(Vec.Chunk.SIZE, end - i0);
            g.read(i0, len, gs, chunk.tmp);
            s.read(m0 + i0, len, ms, chunk.tmp);
            s.read(v0 + i0, len, vs, chunk.tmp);
            p.read(i0, len, ps, chunk.tmp);
            for (int i = 0; i < len; i++) {
                double gi = gs[i];
                double m = beta1 * ms[i] + gi * (1 - beta1);
                double v = beta2 * vs[i] + gi * gi * (1 - beta2);
                ms[i] = m;
                vs[i] = v;
                ps[i] = ps[i] - m * alpha / (Math.sqrt(v) + epsilon);
            }
            s.write(m0 + i0, len, ms, chunk.tmp);
            s.write(v0 + i0, len, vs, chunk.tmp);
            p.write(i0, len, ps, chunk.tmp);
        }
    }

    private void rmsProp(RmsProp c, double lr, Vec p, Vec g, int start, int end, int s0) {
        double decay = c.getRmsDecay();
        double epsilon = c.getEpsilon();
        int o = s0 - start;
        double[] gs = chunk.a;
        double[] ss = chunk.b;
        double[] ps = chunk.c;
        for (int i0 = start; i0 < end; i0 += Vec.Chunk.SIZE) {
            int len = Math.min(Vec.Chunk.SIZE, end - i0);
            g.read(i0, len, gs, chunk.tmp);
            s.read(o + i0, len, ss, chunk.tmp);
            p.read(i0, len, ps, chunk.tmp);
            for (int i = 0; i < len; i++) {
                double gi = gs[i];
                double st = ss[i] * decay + gi * gi * (1 - decay);
                ss[i] = st;
                ps[i] = ps[i] - gi * lr / (Math.sqrt(st) + epsilon);
            }
            s.write(o + i0, len, ss, chunk.tmp);
            p.write(i0, len, ps, chunk.tmp);
        }
    }
}
