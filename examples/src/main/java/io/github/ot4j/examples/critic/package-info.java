/**
 * Examples of the critic module: critic-estimated Wasserstein distances next to the exact value.
 */
package io.github.ot4j.examples.critic;
