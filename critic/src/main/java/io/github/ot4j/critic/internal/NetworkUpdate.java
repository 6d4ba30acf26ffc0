package io.github.ot4j.critic.internal;

import java.util.Objects;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.train.CriticTrainingException;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Applies gradients to a critic's network through the network's own DL4J updater (so that its state is saved
 * with the network), with a transaction: a snapshot of parameters and updater state before, restored if the
 * step fails.
 */
public final class NetworkUpdate {

    private final Critic critic;
    private INDArray savedParams;
    private INDArray savedState;
    private int savedIteration;

    private NetworkUpdate(Critic critic) {
        this.critic = critic;
    }

    /**
     * Installs an updater in every layer of the critic's network, unless the layers already use an equal one
     * (for instance a network restored from a checkpoint with its updater state, which is then kept).
     *
     * @param critic  the critic
     * @param updater the updater configuration, such as {@code new Adam(1e-4, 0.5, 0.9, 1e-8)}
     * @return the transaction helper for this critic
     */
    public static NetworkUpdate install(Critic critic, IUpdater updater) {
        Objects.requireNonNull(updater, "updater");
        MultiLayerNetwork net = critic.network();
        boolean same = true;
        for (int k = 0; k < net.getnLayers(); k++) {
            BaseLayer layer = (BaseLayer) net.getLayer(k).conf().getLayer();
            same &= updater.equals(layer.getIUpdater())
                    && (layer.getBiasUpdater() == null || updater.equals(layer.getBiasUpdater()));
        }
        if (!same) {
            for (int k = 0; k < net.getnLayers(); k++) {
                for (BaseLayer layer : new BaseLayer[] {(BaseLayer) net.getLayer(k).conf().getLayer(),
                        (BaseLayer) net.getLayerWiseConfigurations().getConf(k).getLayer()}) {
                    layer.setIUpdater(updater.clone());
                    layer.setBiasUpdater(null);
                }
            }
            net.setUpdater(new MultiLayerUpdater(net));
        } else {
            net.getUpdater(true);
        }
        return new NetworkUpdate(critic);
    }

    /** Remembers the parameters and updater state, to {@link #rollback()} to. */
    public void snapshot() {
        MultiLayerNetwork net = critic.network();
        savedParams = copyInto(savedParams, net.params());
        savedIteration = net.getIterationCount();
        INDArray state = net.getUpdater(true).getStateViewArray();
        savedState = state == null ? null : copyInto(savedState, state);
    }

    /**
     * Runs one training step as a transaction: snapshot, {@code step}, then a check that the parameters are
     * finite. If anything fails, the parameters and updater state are restored before the exception leaves
     * (an {@link IllegalStateException} from DL4J is reported as a {@link CriticTrainingException} naming
     * "parameters").
     *
     * @param step the updates to make, e.g. {@link #apply} and an enforcer's projection
     */
    public void atomically(Runnable step) {
        snapshot();
        try {
            step.run();
            checkParameters();
        } catch (IllegalStateException e) {
            rollback();
            throw new CriticTrainingException("parameters", e.getMessage());
        } catch (RuntimeException e) {
            rollback(); // whatever failed, the critic is left as it was
            throw e;
        }
    }

    /** Restores the parameters and updater state of the last {@link #snapshot()}. */
    public void rollback() {
        MultiLayerNetwork net = critic.network();
        net.params().assign(savedParams);
        net.setIterationCount(savedIteration);
        INDArray state = net.getUpdater(true).getStateViewArray();
        if (state != null && savedState != null) {
            state.assign(savedState);
        }
    }

    /**
     * One updater step: turns the gradient into an update with the network's updater (which advances its
     * state), subtracts it from the parameters and counts the iteration. The gradient is consumed.
     *
     * @param gradient the gradient of the loss, from {@link Critic#backprop}
     */
    public void apply(Gradient gradient) {
        MultiLayerNetwork net = critic.network();
        Updater updater = net.getUpdater(true);
        // batch size 1: the losses are already means, whatever the network's miniBatch flag says
        updater.update(net, gradient, net.getIterationCount(), net.getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        INDArray step = gradient.gradient();
        if (!Arrays2.allFinite(step)) {
            throw new CriticTrainingException("update", "the updater produced a non-finite update");
        }
        net.params().subi(step);
        net.setIterationCount(net.getIterationCount() + 1);
    }

    /**
     * Checks that the parameters are finite.
     *
     * @throws CriticTrainingException naming "parameters" if not
     */
    public void checkParameters() {
        if (!Arrays2.allFinite(critic.network().params())) {
            throw new CriticTrainingException("parameters", "the critic's parameters became non-finite");
        }
    }

    private static INDArray copyInto(INDArray target, INDArray source) {
        if (target == null || target.length() != source.length() || target.dataType() != source.dataType()) {
            return source.dup();
        }
        return target.assign(source);
    }
}
