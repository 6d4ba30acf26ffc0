/**
 * Runnable examples of ot4j: start any class with a {@code main} method from an IDE.
 * {@link io.github.ot4j.examples.ExactDistanceExample} is the place to begin.
 */
package io.github.ot4j.examples;
