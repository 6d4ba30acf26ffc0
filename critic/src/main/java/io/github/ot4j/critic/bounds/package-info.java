/**
 * Lipschitz constants of critics: a certified upper bound (the product of the dense layers' spectral norms,
 * computed with EJML) and an empirical lower bound (the steepest slope seen between sample pairs).
 */
package io.github.ot4j.critic.bounds;
