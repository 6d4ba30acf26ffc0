package io.github.ot4j.gan.features;

/** No features: the critic sees its input alone (every mode's default). */
public record NoFeatures() implements CriticFeatures {

    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public String name() {
        return "none";
    }
}
