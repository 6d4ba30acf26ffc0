package io.github.ot4j.gan.internal;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of a network's parameters, updater state and iteration/epoch counters, to restore after a failed
 * training step so that the step is all-or-nothing.
 */
public final class NetworkSnapshot {

    private final MultiLayerNetwork network;
    private final INDArray params;
    private final INDArray state;
    private final int iterationCount;
    private final int epochCount;

    private NetworkSnapshot(MultiLayerNetwork network) {
        this.network = network;
        this.params = network.params().dup();
        INDArray view = network.getUpdater(true).getStateViewArray();
        this.state = view == null ? null : view.dup();
        this.iterationCount = network.getIterationCount();
        this.epochCount = network.getEpochCount();
    }

    /**
     * Copies the network's current state (creating its updater if it has none yet).
     *
     * @param network the network
     * @return the snapshot
     */
    public static NetworkSnapshot of(MultiLayerNetwork network) {
        return new NetworkSnapshot(network);
    }

    /** Restores the parameters, updater state and counters of the snapshot into the network. */
    public void restore() {
        network.params().assign(params);
        INDArray view = network.getUpdater(true).getStateViewArray();
        if (view != null && state != null) {
            view.assign(state);
        }
        network.setIterationCount(iterationCount);
        network.setEpochCount(epochCount);
        network.clearLayersStates();
    }
}
