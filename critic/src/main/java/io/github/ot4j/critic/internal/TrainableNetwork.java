package io.github.ot4j.critic.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The one place where a DL4J network is trained: a dense {@link MultiLayerNetwork} together with the DL4J updater
 * installed in it. The critic, both critic trainers and the generator side of the WGAN trainer all work through
 * this type; nothing else calls DL4J's forward, backward or updater methods.
 *
 * <p>Call order of one training step:
 * <ol>
 *   <li>{@link #useUpdater} once, when a trainer is built;</li>
 *   <li>inside {@link #attempt}: {@link #forward}(x) (training mode: the layers keep their inputs), then
 *       {@link #backward}(ε), which returns the gradient of Σ<sub>i</sub> ε<sub>i</sub>·G(x<sub>i</sub>) with respect
 *       to the parameters and to the input, then {@link #apply}(gradient), one step of the updater, as often as
 *       the method needs;</li>
 *   <li>{@link #attempt} checks that the parameters are finite and, if the step threw or produced a non-finite
 *       parameter, restores parameters, updater state and iteration/epoch counters before the exception
 *       leaves. A step that trains several networks together runs in one {@link #attempt(List, Supplier)}
 *       over all of them.</li>
 * </ol>
 *
 * <p>A view, not an owner: parameters, updater state and counters live in the network (so that
 * {@code ModelSerializer.writeModel(net, file, true)} saves a training), and this object keeps nothing of them
 * across calls but scratch space (the snapshot buffers of {@link #attempt}, reused from step to step). Several
 * views of one network may therefore coexist (the critic's own, its trainer's, the WGAN trainer's), and user code
 * may change {@code network().params()} between steps.
 *
 * <p>The fast path: for a plain dense network on nd4j's CPU backend ({@code FusedDense} says which), forward,
 * backward, {@link #output} and the gradient penalty run on {@code FusedDense} (BLAS products into preallocated
 * buffers and into the network's own gradient view) and {@link #apply} runs {@code FusedUpdater} (Adam, RMSProp
 * and SGD in one loop over the network's flat parameter and state arrays) — the same numbers as DL4J's, checked
 * by {@code FusedDenseTest}. Both read and write the network's arrays on every call, so the rule above holds;
 * every other network or updater goes through DL4J. Forward outputs and input gradients of the fast path are
 * buffers that the next pass overwrites: copy what must outlive it. Not thread-safe.
 */
public final class TrainableNetwork {

    private final String name;
    private final MultiLayerNetwork net;
    private final DataType dataType;
    private final int inputDimension;
    private final int outputDimension;
    /** Snapshot buffers by nesting depth of {@link #attempt}, reused from call to call. */
    private final List<Snapshot> snapshots = new ArrayList<>();
    private int depth;
    /** Rows of the pending training-mode forward pass, or −1 if none. */
    private long forwardRows = -1;
    /** Whether the fast path may be used (false only for the tests that compare it with DL4J). */
    private final boolean fusable;
    /** The fast path for dense networks, or null where DL4J computes. */
    private FusedDense fused;
    /** The fused updater step of the installed updater, or null where DL4J's updater runs. */
    private FusedUpdater fusedUpdater;
    /** The DL4J updater object {@link #fusedUpdater} was planned for. */
    private Object plannedFor;

    private TrainableNetwork(String name, MultiLayerNetwork net, boolean fusable) {
        this.name = name;
        this.net = net;
        this.fusable = fusable;
        this.fused = fusable ? FusedDense.of(net) : null;
        this.dataType = net.getLayerWiseConfigurations().getDataType();
        this.inputDimension = Math.toIntExact(layer(0).getNIn());
        this.outputDimension = Math.toIntExact(layer(net.getnLayers() - 1).getNOut());
    }

    /**
     * A view of a network, after checking that this type can train it: initialised, at least one layer, every
     * layer a DL4J {@link DenseLayer} (not an output or loss layer, whose backpropagation ignores an external ε),
     * without dropout or weight noise (both draw from nd4j's global random generator: no seeded, repeatable or
     * revertible step). This is the only validation of trainability; the critic adds the rules of its algebra.
     *
     * @param name the argument's name, for messages (such as {@code "net"} or {@code "generator"})
     * @param net  the network
     * @return the view
     * @throws IllegalArgumentException naming the argument, the layer and the reason
     */
    public static TrainableNetwork of(String name, MultiLayerNetwork net) {
        Nd4jSetup.ensure();
        TrainableLayers.require(name, net);
        return new TrainableNetwork(name, net, true);
    }

    /**
     * A view that computes everything through DL4J, never through the fast path: the reference of the tests
     * that check the fast path.
     *
     * @param name the argument's name
     * @param net  the network
     * @return the view
     */
    static TrainableNetwork dl4j(String name, MultiLayerNetwork net) {
        of(name, net);
        return new TrainableNetwork(name, net, false);
    }

    /** @return the fast path if this network runs on it now, else {@code null} */
    FusedDense fused() {
        if (fused != null && (fused.params != net.params() || fused.gradients != net.getFlattenedGradients())) {
            fused = FusedDense.of(net); // the network replaced its arrays (init, setParams of another array)
            fusedUpdater = null;
        }
        return fused;
    }

    /** @return whether {@link #apply} runs the fused updater step (for the tests) */
    boolean appliesFused() {
        return fused() != null && updaterPlan() != null;
    }

    private FusedUpdater updaterPlan() {
        Object u = net.getUpdater(true);
        if (u != plannedFor || (fusedUpdater != null && !fusedUpdater.current(net))) {
            fusedUpdater = FusedUpdater.plan(net);
            plannedFor = u;
        }
        return fusedUpdater;
    }

    /** @return the name this view was made with, such as {@code "critic"} (messages name it) */
    public String name() {
        return name;
    }

    /** @return the network viewed (live) */
    public MultiLayerNetwork network() {
        return net;
    }

    /** @return the network's floating-point type */
    public DataType dataType() {
        return dataType;
    }

    /** @return the columns of an input batch, nIn of the first layer */
    public int inputDimension() {
        return inputDimension;
    }

    /** @return the columns of an output batch, nOut of the last layer */
    public int outputDimension() {
        return outputDimension;
    }

    /** @return L, the number of dense layers */
    public int layerCount() {
        return net.getnLayers();
    }

    /**
     * @param k the layer, 0 ≤ k &lt; L
     * @return its configuration
     */
    public DenseLayer layer(int k) {
        return (DenseLayer) runtimeLayer(k).conf().getLayer();
    }

    /**
     * @param k the layer, 0 ≤ k &lt; L
     * @return W<sub>k</sub>, nIn × nOut, a live view into the parameters (writes change the network)
     */
    public INDArray weights(int k) {
        return runtimeLayer(k).getParam("W");
    }

    /**
     * @param k the layer, 0 ≤ k &lt; L
     * @return b<sub>k</sub>, 1 × nOut, a live view, or {@code null} for a layer without bias
     */
    public INDArray bias(int k) {
        return layer(k).hasBias() ? runtimeLayer(k).getParam("b") : null;
    }

    /**
     * @param k the layer, 0 ≤ k &lt; L
     * @return φ<sub>k</sub>
     */
    public IActivation activation(int k) {
        return layer(k).getActivationFn();
    }

    /**
     * The gradient of a dense layer's weights inside a parameter gradient of {@link #backward}.
     *
     * @param gradient the gradient
     * @param k        the layer
     * @return ∂/∂W<sub>k</sub>, nIn × nOut, a live view
     */
    public static INDArray weightGradient(Gradient gradient, int k) {
        return gradient.getGradientFor(k + "_W");
    }

    /**
     * Casts and checks a batch.
     *
     * @param name the argument's name, for messages
     * @param x    the rows
     * @return x as an n × d matrix of the network's data type (d = {@link #inputDimension()})
     * @throws IllegalArgumentException if x is not n × d with n ≥ 1
     */
    public INDArray input(String name, INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.rank() != 2 || x.columns() != inputDimension || x.rows() < 1) {
            throw new IllegalArgumentException(name + " must be n x " + inputDimension + " with n >= 1 but is "
                    + Arrays.toString(x.shape()));
        }
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    /**
     * Converts rows of doubles into a batch in the network's data type.
     *
     * @param name   the argument's name, for messages
     * @param points n ≥ 1 rows of length d, finite
     * @return the n × d matrix
     * @throws IllegalArgumentException naming the row and entry if {@code points} is null or empty, or a row is
     *         null, not of length d or has a non-finite entry
     */
    public INDArray batch(String name, double[][] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row but is "
                    + (points == null ? "null" : "empty"));
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != inputDimension) {
                throw new IllegalArgumentException(name + "[" + i + "] must have length " + inputDimension
                        + " but " + (points[i] == null ? "is null" : "has " + points[i].length));
            }
            for (int j = 0; j < inputDimension; j++) {
                if (!Double.isFinite(points[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite but is "
                            + points[i][j]);
                }
            }
        }
        return Arrays2.matrix(points, dataType);
    }

    /**
     * The network's output in inference mode, changing no state.
     *
     * @param x the rows, n × d
     * @return n × {@link #outputDimension()}
     */
    public INDArray output(INDArray x) {
        FusedDense f = fused();
        return f != null ? f.output(input("x", x)) : net.output(input("x", x), false);
    }

    /**
     * The training-mode forward pass that the next {@link #backward} differentiates: keeps each layer's input in
     * the network.
     *
     * @param x the rows, n × d
     * @return the output, n × {@link #outputDimension()}
     */
    public INDArray forward(INDArray x) {
        INDArray in = input("x", x);
        FusedDense f = fused();
        if (f != null) {
            forwardRows = in.rows();
            return f.forward(in);
        }
        net.setInput(in);
        forwardRows = in.rows();
        // clearInputs = false: the layers keep their inputs, which DL4J's backward pass reads
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /**
     * The backward pass after {@link #forward}: the gradient of Σ<sub>i</sub> ε<sub>i</sub>·G(x<sub>i</sub>)
     * (ε<sub>i</sub> a row of the output's shape) with respect to the parameters, written into the network's
     * flattened gradient view, and to the input. Clears the stored layer inputs; the parameters are not touched.
     *
     * @param epsilon ε, n × {@link #outputDimension()} for the n rows of the last forward pass
     * @return the parameter gradient (a view into the network's gradient buffer, overwritten by the next
     *         backward pass) and the input gradient (n × d)
     * @throws IllegalStateException if no forward pass precedes it
     */
    public Backward backward(INDArray epsilon) {
        return backward(epsilon, true);
    }

    /**
     * {@link #backward} without the input gradient, which the fast path then does not compute (a network trained
     * on its own loss does not need it).
     *
     * @param epsilon ε, n × {@link #outputDimension()} for the n rows of the last forward pass
     * @return the parameter gradient (a view into the network's gradient buffer, overwritten by the next
     *         backward pass)
     * @throws IllegalStateException if no forward pass precedes it
     */
    public Gradient backwardParameters(INDArray epsilon) {
        return backward(epsilon, false).parameters();
    }

    private Backward backward(INDArray epsilon, boolean withInput) {
        if (forwardRows < 0) {
            throw new IllegalStateException("backward needs a preceding forward pass");
        }
        try {
            if (epsilon == null || epsilon.rank() != 2 || epsilon.rows() != forwardRows
                    || epsilon.columns() != outputDimension) {
                throw new IllegalArgumentException("epsilon must be " + forwardRows + " x " + outputDimension
                        + " but is " + (epsilon == null ? "null" : Arrays.toString(epsilon.shape())));
            }
            FusedDense f = fused();
            if (f != null) {
                INDArray e = epsilon.dataType() == dataType ? epsilon : epsilon.castTo(dataType);
                return new Backward(f.gradient(), f.backward(e, withInput));
            }
            // a copy: DL4J's layers may scale ε in place, and callers keep theirs between steps
            Pair<Gradient, INDArray> pair = net.backpropGradient(
                    epsilon.dataType() == dataType ? epsilon.dup() : epsilon.castTo(dataType),
                    LayerWorkspaceMgr.noWorkspaces());
            return new Backward(pair.getFirst(), pair.getSecond());
        } finally {
            clearForward();
        }
    }

    /**
     * {@link #forward} then {@link #backward}, keeping the input gradient only: row i is
     * ε<sub>i</sub>·∂G(x<sub>i</sub>)/∂x<sub>i</sub>, what a network before this one chains into its own
     * backward pass. The parameters are not touched (the gradient buffer is overwritten).
     *
     * @param x       the rows, n × d
     * @param epsilon ε, n × {@link #outputDimension()}
     * @return the input gradient, n × d
     */
    public INDArray inputGradient(INDArray x, INDArray epsilon) {
        forward(x);
        return backward(epsilon).input();
    }

    /**
     * Installs an updater in every layer, unless every layer already uses an equal one (a network restored from
     * a checkpoint, whose updater state is then kept). Installing discards the old updater state. A state that no
     * update has used yet starts as {@link Updaters#startState} says (RMSProp's mean square and AdaGrad's sum of squares at 0, not DL4J's ε).
     *
     * @param updater the updater configuration, checked by {@link Updaters#check}
     */
    public void useUpdater(IUpdater updater) {
        Updaters.check("updater", updater);
        boolean same = true;
        for (int k = 0; k < net.getnLayers(); k++) {
            BaseLayer layer = layer(k);
            same &= updater.equals(layer.getIUpdater())
                    && (layer.getBiasUpdater() == null || updater.equals(layer.getBiasUpdater()));
        }
        if (same) {
            net.getUpdater(true);
            if (net.getIterationCount() == 0) {
                Updaters.startState(updater, net.getUpdater().getStateViewArray());
            }
            return;
        }
        for (int k = 0; k < net.getnLayers(); k++) {
            // the layer's own configuration and the one the network serialises may be distinct objects
            for (Object layer : new Object[] {layer(k), net.getLayerWiseConfigurations().getConf(k).getLayer()}) {
                ((BaseLayer) layer).setIUpdater(updater.clone());
                ((BaseLayer) layer).setBiasUpdater(null);
            }
        }
        net.setUpdater(new MultiLayerUpdater(net));
        Updaters.startState(updater, net.getUpdater().getStateViewArray());
    }

    /**
     * One updater step: turns the gradient into an update with the network's updater (which advances its
     * state), subtracts it from the parameters and counts the iteration. The gradient is consumed. Finiteness is
     * checked once per {@link #attempt}, on the parameters.
     *
     * @param gradient the gradient of the loss, from {@link #backward}
     */
    public void apply(Gradient gradient) {
        FusedDense f = fused();
        if (f != null && gradient == f.gradient() && updaterPlan() != null) {
            fusedUpdater.apply(f.p, f.g, net.getIterationCount(), net.getEpochCount());
            net.setIterationCount(net.getIterationCount() + 1);
            return;
        }
        // batch size 1: the losses are already means, whatever the network's miniBatch flag says
        net.getUpdater(true).update(net, gradient, net.getIterationCount(), net.getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(gradient.gradient());
        net.setIterationCount(net.getIterationCount() + 1);
    }

    /**
     * Runs a training step as a transaction: remembers parameters, updater state and the iteration and epoch
     * counters, runs {@code step}, then checks that the parameters are finite. If the step throws (anything) or
     * the parameters are not finite, everything remembered is restored before the exception leaves. Attempts
     * nest (each level keeps its own snapshot).
     *
     * @param step the updates to make, e.g. {@link #apply} and an enforcer's projection
     * @param <T>  what the step returns
     * @return what {@code step} returned
     * @throws NonFiniteException naming {@code "parameters"} (and this network) if they are not finite after the
     *         step
     */
    public <T> T attempt(Supplier<T> step) {
        return attempt(List.of(this), step);
    }

    /**
     * One transaction over several networks, for a step that trains them together (a WGAN step: critic
     * iterations, then the generator's update): each network's state is remembered, and if the step throws or
     * leaves a non-finite parameter in any of them, all of them are restored. Nesting one network's attempt in
     * another's would not do: the inner one would stay committed when the outer one fails.
     *
     * @param networks the networks the step changes, distinct
     * @param step     the step
     * @param <T>      what the step returns
     * @return what {@code step} returned
     * @throws NonFiniteException naming {@code "parameters"} and the first network whose parameters are not
     *         finite after the step
     */
    public static <T> T attempt(List<TrainableNetwork> networks, Supplier<T> step) {
        for (TrainableNetwork n : networks) {
            n.remember();
        }
        try {
            T result = step.get();
            for (TrainableNetwork n : networks) {
                String problem = Finite.problem(n.net.params());
                if (problem != null) {
                    throw new NonFiniteException("parameters", problem, n.name);
                }
            }
            return result;
        } catch (RuntimeException | Error e) {
            for (TrainableNetwork n : networks) {
                n.restore();
            }
            throw e;
        } finally {
            for (TrainableNetwork n : networks) {
                n.depth--;
            }
        }
    }

    private void remember() {
        if (depth == snapshots.size()) {
            snapshots.add(new Snapshot());
        }
        snapshots.get(depth).take(net);
        depth++;
    }

    private void restore() {
        snapshots.get(depth - 1).restore(net);
        clearForward();
    }

    private void clearForward() {
        forwardRows = -1;
        net.clearLayersStates(); // not clear(): that also drops the updater and its state
    }

    private Layer runtimeLayer(int k) {
        if (k < 0 || k >= net.getnLayers()) {
            throw new IllegalArgumentException("k must be in [0, " + net.getnLayers() + ") but is " + k);
        }
        return net.getLayer(k);
    }

    /**
     * What a backward pass returns.
     *
     * @param parameters the gradient with respect to the parameters (a view into the network's gradient buffer)
     * @param input      the gradient with respect to the input, n × d
     */
    public record Backward(Gradient parameters, INDArray input) {
    }
}
