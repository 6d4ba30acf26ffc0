package io.github.ot4j.gan.lens;

/**
 * What the critic sees of the real data: the real batch X itself ({@link #none()}), or L(X) for a trained lens
 * network L ({@link TemperingLens}). A value (a record), so that a checkpoint records it and a resumed run compares
 * it field by field.
 */
public sealed interface Lens permits TemperingLens, NoLens {

    /** @return no lens: the critic sees the real data (every mode's default) */
    static Lens none() {
        return new NoLens();
    }

    /** @return a short name for messages and reports, e.g. {@code "tempering"} */
    String name();
}
