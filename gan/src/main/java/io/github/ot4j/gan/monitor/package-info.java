/**
 * Watching WGAN training: {@link io.github.ot4j.gan.monitor.TrainingListener listeners} receive a
 * {@link io.github.ot4j.gan.monitor.TrainingReport report} every k generator steps with the losses, the
 * critic's estimate and the exact W<sub>1</sub> computed by an
 * {@link io.github.ot4j.gan.monitor.ExactDistanceMonitor}; a {@link io.github.ot4j.gan.monitor.ProgressLine}
 * and {@link io.github.ot4j.gan.monitor.CsvMetrics} are ready-made listeners.
 */
package io.github.ot4j.gan.monitor;
