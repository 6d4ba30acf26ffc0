package io.github.ot4j.gan;

import io.github.ot4j.gan.monitor.ExactDistanceMonitor;

import java.nio.file.Path;

/**
 * How long to train and what to do along the way:
 * <pre>{@code
 * TrainingPlan plan = TrainingPlan.until(5000)
 *         .reportingEvery(100, ExactDistanceMonitor.of(heldOut))
 *         .checkpointingEvery(1000, Path.of("run/wgan.ckpt"));
 * }</pre>
 *
 * @param iterations      the generator step to reach (absolute: a resumed run at step 3000 asked for 5000
 *                        makes 2000 more), ≥ 0
 * @param reportEvery     report to the listeners every this many generator steps, ≥ 1
 * @param monitor         computes the exact W<sub>1</sub> at each report, or {@code null} for none
 * @param checkpointEvery write a checkpoint every this many generator steps (and at the end), ≥ 1
 * @param checkpointFile  the checkpoint file, or {@code null} for none
 */
public record TrainingPlan(long iterations, int reportEvery, ExactDistanceMonitor monitor, int checkpointEvery,
                           Path checkpointFile) {

    /**
     * @param iterations      the generator step to reach, ≥ 0
     * @param reportEvery     ≥ 1
     * @param monitor         or {@code null}
     * @param checkpointEvery ≥ 1
     * @param checkpointFile  or {@code null}
     */
    public TrainingPlan {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be non-negative but is " + iterations);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("reportEvery must be at least 1 but is " + reportEvery);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1 but is " + checkpointEvery);
        }
    }

    /**
     * Trains until the given generator step, reporting every 100 steps without exact distance and without
     * checkpoints.
     *
     * @param iterations the generator step to reach
     * @return the plan
     */
    public static TrainingPlan until(long iterations) {
        return new TrainingPlan(iterations, 100, null, Integer.MAX_VALUE, null);
    }

    /**
     * @param every   report every this many generator steps
     * @param exact   the exact-distance monitor, or {@code null}
     * @return the changed copy
     */
    public TrainingPlan reportingEvery(int every, ExactDistanceMonitor exact) {
        return new TrainingPlan(iterations, every, exact, checkpointEvery, checkpointFile);
    }

    /**
     * @param every write a checkpoint every this many generator steps, and at the end
     * @param file  the checkpoint file, replaced atomically each time
     * @return the changed copy
     */
    public TrainingPlan checkpointingEvery(int every, Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        return new TrainingPlan(iterations, reportEvery, monitor, every, file);
    }
}
