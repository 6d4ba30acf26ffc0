package io.github.ot4j.gan.regularize;

/**
 * A term R(G) added to the generator's loss, L<sub>G</sub> + R(G), whatever the critic's mode: it shapes the
 * generator itself rather than the critic. A value (a record), so that a checkpoint records it and a resumed run
 * compares it field by field.
 *
 * <p>Implementations: {@link JacobianClamping} (Odena et al. 2018), and {@link #none()}.
 */
public sealed interface GeneratorRegularizer permits JacobianClamping, NoRegularizer {

    /** @return no regulariser */
    static GeneratorRegularizer none() {
        return new NoRegularizer();
    }


    /** @return a short name for messages and reports, e.g. {@code "jacobian-clamping"} */
    String name();
}
