package io.github.ot4j.gan.checkpoint;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes {@link Checkpoint}s as one zip file holding {@value #GENERATOR_ENTRY} and
 * {@value #CRITIC_ENTRY} (DL4J {@link ModelSerializer} models with their updater state) and
 * {@value #STATE_ENTRY} (format version, iteration, seed, and the run's settings under keys starting with
 * {@value #SETTING_PREFIX}).
 *
 * <p>Writes are atomic: the checkpoint goes to a temporary file in the target's folder, is forced to disk, and
 * is then renamed over the target in one step. A crash or an exception mid-write leaves the previous checkpoint
 * intact and removes the temporary file.
 */
public final class CheckpointFile {

    /** The zip entry of the generator. */
    public static final String GENERATOR_ENTRY = "generator.zip";
    /** The zip entry of the critic. */
    public static final String CRITIC_ENTRY = "critic.zip";
    /** The zip entry of the iteration and the random state. */
    public static final String STATE_ENTRY = "state.properties";
    /** The prefix of the run settings' keys in {@value #STATE_ENTRY}. */
    public static final String SETTING_PREFIX = "setting.";
    /** The version of the file format written. */
    public static final int FORMAT_VERSION = 1;

    private CheckpointFile() {
    }

    /**
     * Writes a checkpoint atomically, replacing the file if it exists.
     *
     * @param file       the checkpoint file; its folder is created if missing
     * @param checkpoint the checkpoint
     * @throws IOException if it cannot be written (the previous file, if any, is then unchanged)
     */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        write(file, checkpoint, UnaryOperator.identity());
    }

    /** Writes through a decorated stream: lets tests make the write fail half-way. */
    static void write(Path file, Checkpoint checkpoint, UnaryOperator<OutputStream> decorate) throws IOException {
        if (file == null || checkpoint == null) {
            throw new IllegalArgumentException("file and checkpoint must not be null");
        }
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        byte[] generator = serialise(checkpoint.generator());
        byte[] critic = serialise(checkpoint.critic());
        Path temporary = Files.createTempFile(folder, target.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream raw = decorate.apply(new KeepOpen(java.nio.channels.Channels.newOutputStream(channel)));
                 ZipOutputStream zip = new ZipOutputStream(raw)) {
                put(zip, STATE_ENTRY, state(checkpoint));
                put(zip, GENERATOR_ENTRY, generator);
                put(zip, CRITIC_ENTRY, critic);
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the checkpoint file
     * @return the networks (with updater state), the iteration, the seed and the run's settings
     * @throws IOException if it cannot be read or is not a complete checkpoint of a known format (naming the
     *                     file and, for a missing or garbled state key, the key)
     */
    public static Checkpoint read(Path file) throws IOException {
        byte[] generator = null;
        byte[] critic = null;
        Properties state = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                switch (entry.getName()) {
                    case GENERATOR_ENTRY -> generator = bytes;
                    case CRITIC_ENTRY -> critic = bytes;
                    case STATE_ENTRY -> {
                        state = new Properties();
                        state.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
                    }
                    default -> {
                        // entries of later versions are ignored
                    }
                }
            }
        }
        if (generator == null || critic == null || state == null) {
            throw new IOException(file + " is not a complete checkpoint: missing "
                    + (state == null ? STATE_ENTRY : generator == null ? GENERATOR_ENTRY : CRITIC_ENTRY));
        }
        int version;
        try {
            version = Integer.parseInt(state.getProperty("format", "0").trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " is corrupt: " + STATE_ENTRY + " has format = '"
                    + state.getProperty("format") + "', not an integer", e);
        }
        if (version != FORMAT_VERSION) {
            throw new IOException(file + " has checkpoint format " + version + " but this version reads "
                    + FORMAT_VERSION);
        }
        long iteration = longProperty(file, state, "iteration");
        long seed = longProperty(file, state, "seed");
        Map<String, String> settings = new TreeMap<>();
        for (String name : state.stringPropertyNames()) {
            if (name.startsWith(SETTING_PREFIX)) {
                settings.put(name.substring(SETTING_PREFIX.length()), state.getProperty(name));
            }
        }
        return new Checkpoint(restore(generator), restore(critic), iteration, seed, settings);
    }

    private static long longProperty(Path file, Properties state, String key) throws IOException {
        String value = state.getProperty(key);
        if (value == null) {
            throw new IOException(file + " is not a complete checkpoint: " + STATE_ENTRY + " has no " + key);
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " is corrupt: " + STATE_ENTRY + " has " + key + " = '" + value
                    + "', not an integer", e);
        }
    }

    private static byte[] serialise(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        return bytes.toByteArray();
    }

    private static MultiLayerNetwork restore(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return ModelSerializer.restoreMultiLayerNetwork(in, true);
        }
    }

    private static byte[] state(Checkpoint checkpoint) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", Integer.toString(FORMAT_VERSION));
        properties.setProperty("iteration", Long.toString(checkpoint.iteration()));
        properties.setProperty("seed", Long.toString(checkpoint.seed()));
        checkpoint.settings().forEach((name, value) -> properties.setProperty(SETTING_PREFIX + name, value));
        StringWriter text = new StringWriter();
        properties.store(text, "ot4j WGAN checkpoint");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Leaves the channel open when the zip stream closes, so that it can still be forced to disk. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
