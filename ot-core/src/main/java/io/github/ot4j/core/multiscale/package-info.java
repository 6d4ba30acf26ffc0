/**
 * Exact optimal transport for large point sets without an n × m array: the network simplex on a sparse set of
 * candidate arcs (nearest neighbours, then the arcs that full pricing passes over all n·m pairs find violated),
 * repeated until a pass over all pairs proves the potentials dual feasible. See {@link
 * io.github.ot4j.core.multiscale.ShortlistSolver}.
 */
package io.github.ot4j.core.multiscale;
