package io.github.ot4j.gan.features;

/**
 * Features φ(x) that the critic sees next to its input x: the critic is f̃ on [x; φ(x)], so that
 * f(x) = f̃([x; φ(x)]) and its critic network has input dimension d + {@link #dimension()}. A value (a record), so
 * that a checkpoint records it and a resumed run compares it field by field.
 */
public sealed interface CriticFeatures permits RepresentativeFeatures, NoFeatures {

    /** @return no features: the critic sees x alone (every mode's default) */
    static CriticFeatures none() {
        return new NoFeatures();
    }

    /** @return k, the number of features appended to the critic's input (0 for none) */
    int dimension();

    /** @return a short name for messages and reports, e.g. {@code "representative"} */
    String name();
}
