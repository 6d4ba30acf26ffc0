/**
 * ot4j-core: exact optimal transport between discrete measures (Earth Mover's / Wasserstein distances,
 * transport plans, Kantorovich potentials with a certificate) and WGAN-TS two-step targets.
 *
 * <p>Requires ojAlgo (module {@code ojalgo}) for the LP reference solver {@code ExactSolvers.ojAlgo()};
 * ojAlgo's types do not appear in this module's API, so the requirement is not transitive. Every package
 * is exported except the implementation packages named {@code internal} ({@code io.github.ot4j.core.internal},
 * {@code io.github.ot4j.core.simplex.internal}).
 */
module io.github.ot4j.core {
    requires ojalgo;

    exports io.github.ot4j.core;
    exports io.github.ot4j.core.io;
    exports io.github.ot4j.core.lp;
    exports io.github.ot4j.core.multiscale;
    exports io.github.ot4j.core.entropic;
    exports io.github.ot4j.core.oned;
    exports io.github.ot4j.core.simplex;
    exports io.github.ot4j.core.sliced;
    exports io.github.ot4j.core.wgants;
}
