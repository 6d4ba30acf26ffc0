package io.github.ot4j.gan.checkpoint;

import io.github.ot4j.gan.Generator;
import io.github.ot4j.gan.GeneratorSpec;
import io.github.ot4j.critic.internal.TrainableNetwork;
import io.github.ot4j.gan.WganConfig;
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

    private static final RunSettings SETTINGS = RunSettings.of(WganConfig.wganTs());

    private static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = Generator.mlp(new GeneratorSpec(2, new int[] {8}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.DOUBLE, seed)).network();
        TrainableNetwork.of("net", net).useUpdater(new Adam(1e-3, 0.5, 0.9, 1e-8));
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
        CheckpointFile.write(file, new Checkpoint(g, c, 42, -7, SETTINGS));
        Checkpoint back = CheckpointFile.read(file);
        assertThat(back.iteration()).isEqualTo(42);
        assertThat(back.seed()).isEqualTo(-7);
        assertThat(back.generator().params()).isEqualTo(g.params());
        assertThat(back.critic().params()).isEqualTo(c.params());
        assertThat(back.generator().getUpdater().getStateViewArray()).isEqualTo(g.getUpdater().getStateViewArray());
        assertThat(back.critic().getUpdater().getStateViewArray()).isEqualTo(c.getUpdater().getStateViewArray());
        assertThat(back.generator().getIterationCount()).isEqualTo(17);
        assertThat(back.settings()).isEqualTo(SETTINGS);
    }

    @Test
    void aFailedWriteLeavesThePreviousCheckpointAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("run.ckpt");
        CheckpointFile.write(file, new Checkpoint(network(1), network(2), 5, 9, SETTINGS));
        byte[] before = Files.readAllBytes(file);

        Checkpoint next = new Checkpoint(network(3), network(4), 6, 9, SETTINGS);
        assertThatThrownBy(() -> CheckpointFile.write(file, next, out -> new FailAfter(out, 1000),
                io.github.ot4j.critic.internal.AtomicFile.FSYNC))
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
            zip.write("format=2\niteration=1\nseed=1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing " + CheckpointFile.GENERATOR_ENTRY);
    }

    @Test
    void aMissingOrGarbledStateKeyIsAnIoExceptionNamingFileAndKey() throws IOException {
        Path good = folder.resolve("good.ckpt");
        CheckpointFile.write(good, new Checkpoint(network(1), network(2), 5, 9, SETTINGS));
        assertThat(CheckpointFile.read(good).settings().fields()).containsEntry("batchSize", 256L);

        Path noSeed = withState(good, "noseed.ckpt", "format=2\niteration=5\n");
        assertThatThrownBy(() -> CheckpointFile.read(noSeed)).isInstanceOf(IOException.class)
                .hasMessageContaining(noSeed.toString()).hasMessageContaining("seed");
        Path garbled = withState(good, "garbled.ckpt", "format=2\niteration=five\nseed=9\n");
        assertThatThrownBy(() -> CheckpointFile.read(garbled)).isInstanceOf(IOException.class)
                .hasMessageContaining(garbled.toString()).hasMessageContaining("iteration = 'five'");
        Path untyped = withState(good, "untyped.ckpt", "format=2\niteration=5\nseed=9\nsetting.batchSize=64\n");
        assertThatThrownBy(() -> CheckpointFile.read(untyped)).isInstanceOf(IOException.class)
                .hasMessageContaining(untyped.toString()).hasMessageContaining("setting.batchSize = '64'");
        Path old = withState(good, "old.ckpt", "format=1\niteration=5\nseed=9\nsetting.batchSize=64\n");
        assertThatThrownBy(() -> CheckpointFile.read(old)).isInstanceOf(IOException.class)
                .hasMessageContaining(old.toString()).hasMessageContaining("format 1");
    }

    @Test
    void settingsRoundTripWithTheirTypes() throws IOException {
        Path file = folder.resolve("typed.ckpt");
        CheckpointFile.write(file, new Checkpoint(network(1), network(2), 1, 2, SETTINGS));
        java.util.Map<String, Object> back = CheckpointFile.read(file).settings().fields();
        assertThat(back).isEqualTo(SETTINGS.fields());
        assertThat(back.get("critic.steps")).isEqualTo(1L);
        assertThat(back.get("critic.method.cost.p")).isEqualTo(1.0);
        assertThat(back.get("critic.method.updater.beta2")).isEqualTo(0.999);
        assertThat(back.get("critic.method.updater")).isEqualTo("org.nd4j.linalg.learning.config.Adam");
    }

    /** Truncated, bit-flipped, a folder, missing: each an IOException naming the file. */
    @Test
    void damagedFilesAreIoExceptionsNamingTheFile() throws IOException {
        Path good = folder.resolve("good.ckpt");
        CheckpointFile.write(good, new Checkpoint(network(1), network(2), 5, 9, SETTINGS));
        byte[] bytes = Files.readAllBytes(good);
        for (int length : new int[] {0, 10, bytes.length / 3, bytes.length / 2, bytes.length - 30, bytes.length - 1}) {
            Path truncated = folder.resolve("truncated-" + length + ".ckpt");
            Files.write(truncated, java.util.Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> CheckpointFile.read(truncated)).as("truncated to %d bytes", length)
                    .isInstanceOf(IOException.class).hasMessageContaining(truncated.toString());
        }
        // a bit flipped anywhere: an IOException naming the file, or (a flip in metadata that the data do not
        // depend on, such as a local header's time stamp) exactly the checkpoint that was written — never other data
        Checkpoint original = CheckpointFile.read(good);
        int detected = 0;
        for (int at = 0; at < bytes.length; at += 11) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= 0x10;
            Path file = folder.resolve("flipped.ckpt");
            Files.write(file, flipped);
            Checkpoint back;
            try {
                back = CheckpointFile.read(file);
            } catch (IOException e) {
                assertThat(e).as("bit flipped at byte %d", at).hasMessageContaining(file.toString());
                detected++;
                continue;
            }
            assertThat(back.generator().params()).as("byte %d", at).isEqualTo(original.generator().params());
            assertThat(back.critic().params()).as("byte %d", at).isEqualTo(original.critic().params());
            assertThat(back.critic().getUpdater().getStateViewArray()).as("byte %d", at)
                    .isEqualTo(original.critic().getUpdater().getStateViewArray());
            assertThat(back.settings()).as("byte %d", at).isEqualTo(original.settings());
            assertThat(back.iteration()).as("byte %d", at).isEqualTo(original.iteration());
            assertThat(back.seed()).as("byte %d", at).isEqualTo(original.seed());
        }
        assertThat(detected).as("flips detected of %d", (bytes.length + 10) / 11).isGreaterThan(bytes.length / 11 / 2);
        assertThatThrownBy(() -> CheckpointFile.read(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining(folder.toString()).hasMessageContaining("folder");
        Path missing = folder.resolve("missing.ckpt");
        assertThatThrownBy(() -> CheckpointFile.read(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void nullArgumentsAreNamed() {
        Checkpoint checkpoint = new Checkpoint(network(1), network(2), 5, 9, SETTINGS);
        assertThatThrownBy(() -> CheckpointFile.read(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file must not be null");
        assertThatThrownBy(() -> CheckpointFile.write(null, checkpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file must not be null");
        assertThatThrownBy(() -> CheckpointFile.write(folder.resolve("x.ckpt"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("checkpoint must not be null");
    }

    /**
     * A write killed midway (the JVM died) leaves its temporary file {@code <name>.<pid>-<random>.tmp}; the next
     * write, and the next read, of that checkpoint removes it (the writer's process is gone).
     */
    @Test
    void theNextWriteAndTheNextReadRemoveTheTemporaryFileOfAKilledWrite() throws Exception {
        long gone = goneProcessId();
        Path file = folder.resolve("run.ckpt");
        Path leftover = folder.resolve("run.ckpt." + gone + "-8237465.tmp");
        Files.write(leftover, new byte[] {'P', 'K', 3, 4});
        CheckpointFile.write(file, new Checkpoint(network(1), network(2), 5, 9, SETTINGS));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
        Files.write(leftover, new byte[] {'P', 'K', 3, 4});
        assertThat(CheckpointFile.read(file).iteration()).isEqualTo(5);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** @return the id of a process that has ended */
    private static long goneProcessId() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theFolderIsForcedAfterTheRename() throws IOException {
        Path file = folder.resolve("run.ckpt");
        java.util.List<Long> iterationsSeen = new java.util.ArrayList<>();
        CheckpointFile.write(file, new Checkpoint(network(1), network(2), 5, 9, SETTINGS), out -> out, dir -> {
            assertThat(dir).isEqualTo(folder.toAbsolutePath());
            iterationsSeen.add(CheckpointFile.read(file).iteration()); // the renamed file is in place
        });
        assertThat(iterationsSeen).containsExactly(5L);
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
