package io.github.ot4j.gan.checkpoint;

import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.gan.internal.Updaters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointFileTest {

    @TempDir
    Path folder;

    private static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = Generator.mlp(new GeneratorSpec(2, new int[] {8}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.DOUBLE, seed)).network();
        Updaters.install(net, new Adam(1e-3, 0.5, 0.9, 1e-8));
        // give the updater a non-trivial state
        net.getUpdater().getStateViewArray().assign(net.getUpdater().getStateViewArray().like().addi(0.25));
        net.setIterationCount(17);
        return net;
    }

    @Test
    void roundTripKeepsParametersUpdaterStateIterationAndSeed() throws IOException {
        MultiLayerNetwork g = network(1);
        MultiLayerNetwork c = network(2);
        Path file = folder.resolve("run.ckpt");
        CheckpointFile.write(file, new Checkpoint(g, c, 42, -7));
        Checkpoint back = CheckpointFile.read(file);
        assertThat(back.iteration()).isEqualTo(42);
        assertThat(back.seed()).isEqualTo(-7);
        assertThat(back.generator().params()).isEqualTo(g.params());
        assertThat(back.critic().params()).isEqualTo(c.params());
        assertThat(back.generator().getUpdater().getStateViewArray()).isEqualTo(g.getUpdater().getStateViewArray());
        assertThat(back.critic().getUpdater().getStateViewArray()).isEqualTo(c.getUpdater().getStateViewArray());
        assertThat(back.generator().getIterationCount()).isEqualTo(17);
    }

    @Test
    void aFailedWriteLeavesThePreviousCheckpointAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("run.ckpt");
        CheckpointFile.write(file, new Checkpoint(network(1), network(2), 5, 9));
        byte[] before = Files.readAllBytes(file);

        Checkpoint next = new Checkpoint(network(3), network(4), 6, 9);
        assertThatThrownBy(() -> CheckpointFile.write(file, next, out -> new FailAfter(out, 1000)))
                .isInstanceOf(IOException.class).hasMessageContaining("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(CheckpointFile.read(file).iteration()).isEqualTo(5);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejectsAnIncompleteFile() throws IOException {
        Path file = folder.resolve("broken.ckpt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry(CheckpointFile.STATE_ENTRY));
            zip.write("format=1\niteration=1\nseed=1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing " + CheckpointFile.GENERATOR_ENTRY);
    }

    @Test
    void aMissingOrGarbledStateKeyIsAnIoExceptionNamingFileAndKey() throws IOException {
        Path good = folder.resolve("good.ckpt");
        CheckpointFile.write(good, new Checkpoint(network(1), network(2), 5, 9, java.util.Map.of("batchSize", "64")));
        assertThat(CheckpointFile.read(good).settings()).containsEntry("batchSize", "64");

        Path noSeed = withState(good, "noseed.ckpt", "format=1\niteration=5\n");
        assertThatThrownBy(() -> CheckpointFile.read(noSeed)).isInstanceOf(IOException.class)
                .hasMessageContaining(noSeed.toString()).hasMessageContaining("seed");
        Path garbled = withState(good, "garbled.ckpt", "format=1\niteration=five\nseed=9\n");
        assertThatThrownBy(() -> CheckpointFile.read(garbled)).isInstanceOf(IOException.class)
                .hasMessageContaining(garbled.toString()).hasMessageContaining("iteration = 'five'");
    }

    /** A copy of a checkpoint file with its state entry replaced. */
    private Path withState(Path source, String name, String state) throws IOException {
        Path target = folder.resolve(name);
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(source));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(CheckpointFile.STATE_ENTRY)) {
                    bytes = state.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    /** A stream that fails like a full disk after a number of bytes. */
    private static final class FailAfter extends FilterOutputStream {

        private long left;

        FailAfter(OutputStream out, long bytes) {
            super(out);
            this.left = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("disk full");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
