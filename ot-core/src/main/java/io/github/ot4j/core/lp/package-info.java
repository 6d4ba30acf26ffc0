/**
 * The reference exact optimal transport solver on ojAlgo's linear programming: {@link
 * io.github.ot4j.core.lp.OjAlgoSolver}. Obtain it through {@link io.github.ot4j.core.ExactSolvers#ojAlgo()}.
 */
package io.github.ot4j.core.lp;
