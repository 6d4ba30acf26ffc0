package io.github.ot4j.gan.regularize;

/** No generator regulariser: the generator's loss is the WGAN loss alone (every mode's default). */
public record NoRegularizer() implements GeneratorRegularizer {

    @Override
    public String name() {
        return "none";
    }
}
