/**
 * The network simplex's basis and pivot, shared by the dense solver ({@code io.github.ot4j.core.simplex}) and the
 * sparse one on candidate arcs ({@code io.github.ot4j.core.multiscale}): the spanning tree, its pivot loop and the
 * greedy starting forest, over arcs the caller numbers. Not part of the API; not exported.
 */
package io.github.ot4j.core.simplex.internal;
