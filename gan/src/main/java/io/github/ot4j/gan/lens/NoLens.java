package io.github.ot4j.gan.lens;

/** No lens: the critic is trained on the real batches themselves (every mode's default). */
public record NoLens() implements Lens {

    @Override
    public String name() {
        return "none";
    }
}
