package io.github.ot4j.gan.cfg;

/**
 * What one xICFG stage did.
 *
 * @param iteration         the stage's number, from 1
 * @param discriminatorLoss L<sub>D</sub> on the last discriminator update's batches, before that update (nats)
 * @param meanMove          the stage's functional step on the last fake batch, (1/m) Σ ‖η∇D(x<sub>j</sub>)‖ (data
 *                          units)
 * @param distillationLoss  if this stage distilled, (1/b) Σ ½‖G̃(z) − G(z)‖² over the last distillation epoch, before
 *                          each update; else NaN
 */
public record CfgStep(long iteration, double discriminatorLoss, double meanMove, double distillationLoss) {

    /** @return whether this stage distilled the composite into the generator network */
    public boolean distilled() {
        return !Double.isNaN(distillationLoss);
    }
}
