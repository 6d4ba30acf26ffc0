package io.github.ot4j.gan;

import io.github.ot4j.critic.train.CriticMethod;

/**
 * How the critic is trained between two generator steps: a {@link CriticMethod} (the WGAN loss with a Lipschitz
 * enforcer, or the WGAN-TS two-step method, each a record of its own settings) and the number of its iterations
 * per generator step, each on a fresh real batch and a fresh fake batch. A value: a checkpoint records and
 * compares every field.
 *
 * @param method how one critic iteration trains the critic
 * @param steps  critic iterations per generator step, ≥ 1 (the WGAN papers use 5, WGAN-TS 1)
 */
public record CriticSchedule(CriticMethod method, int steps) {

    /**
     * Checks the schedule.
     *
     * @param method not null
     * @param steps  ≥ 1
     */
    public CriticSchedule {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1 but is " + steps);
        }
    }

    /**
     * @param method how one critic iteration trains the critic
     * @param steps  critic iterations per generator step, ≥ 1
     * @return the schedule
     */
    public static CriticSchedule of(CriticMethod method, int steps) {
        return new CriticSchedule(method, steps);
    }

    /**
     * @param newMethod how one critic iteration trains the critic
     * @return this schedule with another method
     */
    public CriticSchedule withMethod(CriticMethod newMethod) {
        return new CriticSchedule(newMethod, steps);
    }

    /**
     * @param newSteps critic iterations per generator step, ≥ 1
     * @return this schedule with another number of steps
     */
    public CriticSchedule withSteps(int newSteps) {
        return new CriticSchedule(method, newSteps);
    }
}
