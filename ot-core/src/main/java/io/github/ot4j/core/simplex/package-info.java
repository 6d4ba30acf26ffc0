/**
 * The network simplex method for the transportation problem: the library's default exact solver, with
 * spanning-tree bases, block-search pricing, warm starts from potentials and costs read on demand, so that
 * problems of 10 000 × 10 000 points fit in a small heap. {@link io.github.ot4j.core.simplex.NetworkSimplexSolver}
 * is the entry point; everything else is internal.
 */
package io.github.ot4j.core.simplex;
