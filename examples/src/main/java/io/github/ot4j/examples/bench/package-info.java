/**
 * Benchmark mains (not tests): ot4j's timings next to a peer's on the same machine in the same run.
 */
package io.github.ot4j.examples.bench;
