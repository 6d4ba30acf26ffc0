/**
 * Entropic optimal transport: log-domain Sinkhorn run on a stabilised kernel
 * ({@link io.github.ot4j.core.entropic.EntropicTransport}), the Sinkhorn divergence
 * ({@link io.github.ot4j.core.entropic.SinkhornDivergence}), unbalanced entropic transport with KL marginal
 * penalties ({@link io.github.ot4j.core.entropic.UnbalancedTransport}) and entropic barycenters on a fixed support
 * ({@link io.github.ot4j.core.entropic.EntropicBarycenter}). Definitions as in POT 0.8.2.
 */
package io.github.ot4j.core.entropic;
