/**
 * Examples of the critic module: critic-estimated Wasserstein distances next to the exact value, and the
 * nd4j thread settings a small network needs ({@link io.github.ot4j.examples.critic.Nd4jThreads}).
 */
package io.github.ot4j.examples.critic;
