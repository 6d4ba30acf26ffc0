package io.github.ot4j.gan.checkpoint;

import io.github.ot4j.critic.internal.AtomicFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes {@link Checkpoint}s as one zip file holding {@value #GENERATOR_ENTRY} and
 * {@value #CRITIC_ENTRY} (DL4J {@link ModelSerializer} models with their updater state), the run's further
 * networks under {@value #NETWORK_PREFIX} (a tempering lens's {@code network/lens.zip}), and
 * {@value #STATE_ENTRY} (format version, iteration, seed, and the run's {@link RunSettings} as typed fields under
 * keys starting with {@value #SETTING_PREFIX}: {@code setting.critic.steps=i:5},
 * {@code setting.critic.method.enforcer.lambda=d:10.0}, {@code setting.critic.method=s:...}, with {@code b:}
 * for booleans).
 *
 * <p>Writes are atomic: the checkpoint goes to a temporary file {@code <name>.<pid>-<random>.tmp} in the target's
 * folder (locked by its writer while written), is forced to disk, renamed over the target in one step, and the
 * folder is forced after the rename (where the platform can open a folder). A write that fails with an exception
 * removes its temporary file; one that is killed (the JVM dies mid-write) leaves it, and the next write or read of
 * the same checkpoint removes it once its writer is gone (the process has ended, or
 * holds no lock on it); a live concurrent writer's temporary file is left alone. The previous checkpoint stays
 * intact either way.
 *
 * <p>Reads check everything: a missing file, a folder, a truncated or bit-flipped file, a missing entry or state
 * key and a damaged network are all {@link IOException}s whose message names the file.
 */
public final class CheckpointFile {

    /** The zip entry of the generator. */
    public static final String GENERATOR_ENTRY = "generator.zip";
    /** The zip entry of the critic. */
    public static final String CRITIC_ENTRY = "critic.zip";
    /** The zip entry of the iteration and the random state. */
    public static final String STATE_ENTRY = "state.properties";
    /** The prefix of the zip entries of further networks ({@link Checkpoint#networks()}): {@code network/lens.zip}. */
    public static final String NETWORK_PREFIX = "network/";
    /** The prefix of the run settings' keys in {@value #STATE_ENTRY}. */
    public static final String SETTING_PREFIX = "setting.";
    /** The version of the file format written: 2, typed settings (format 1 stored them as descriptions). */
    public static final int FORMAT_VERSION = 2;

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
        write(file, checkpoint, UnaryOperator.identity(), AtomicFile.FSYNC);
    }

    /** Writes through a decorated stream and folder sync: lets tests make the write fail half-way, or watch it. */
    static void write(Path file, Checkpoint checkpoint, UnaryOperator<OutputStream> decorate,
                      AtomicFile.FolderSync sync) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        byte[] generator = serialise(checkpoint.generator());
        byte[] critic = serialise(checkpoint.critic());
        byte[] state = state(checkpoint);
        Map<String, byte[]> others = new TreeMap<>();
        for (Map.Entry<String, MultiLayerNetwork> network : checkpoint.networks().entrySet()) {
            others.put(NETWORK_PREFIX + network.getKey() + ".zip", serialise(network.getValue()));
        }
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(decorate.apply(out))) {
                put(zip, STATE_ENTRY, state);
                put(zip, GENERATOR_ENTRY, generator);
                put(zip, CRITIC_ENTRY, critic);
                for (Map.Entry<String, byte[]> other : others.entrySet()) {
                    put(zip, other.getKey(), other.getValue());
                }
                zip.finish();
            }
        }, sync);
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the checkpoint file
     * @return the networks (with updater state), the iteration, the seed and the run's settings
     * @throws IOException naming the file if it is missing, a folder, damaged (truncated, bit-flipped), incomplete
     *                     or of another format (and, for a missing or garbled state key, naming the key)
     */
    public static Checkpoint read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is not a checkpoint: it is a folder");
        }
        try {
            AtomicFile.removeStale(file);
        } catch (IOException e) {
            // a folder that cannot be listed or changed (read-only): reading does not need the clean-up
        }
        if (!Files.exists(file)) {
            throw new IOException(file + " is not a checkpoint: it does not exist");
        }
        Map<String, byte[]> entries = entries(file);
        for (String name : new String[] {STATE_ENTRY, GENERATOR_ENTRY, CRITIC_ENTRY}) {
            if (!entries.containsKey(name)) {
                throw new IOException(file + " is not a complete checkpoint: missing " + name);
            }
        }
        Properties state = new Properties();
        try {
            state.load(new StringReader(new String(entries.get(STATE_ENTRY), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is corrupt: " + STATE_ENTRY + " is not a properties file: " + e, e);
        }
        int version = (int) longProperty(file, state, "format");
        if (version != FORMAT_VERSION) {
            throw new IOException(file + " has checkpoint format " + version + " but this version reads "
                    + FORMAT_VERSION + (version == 1 ? " (format 1 recorded the settings as descriptions that leave "
                    + "out the ground cost; it cannot be resumed safely)" : ""));
        }
        long iteration = longProperty(file, state, "iteration");
        if (iteration < 0) {
            throw new IOException(file + " is corrupt: " + STATE_ENTRY + " has iteration = " + iteration);
        }
        long seed = longProperty(file, state, "seed");
        RunSettings settings = settings(file, state);
        Map<String, MultiLayerNetwork> networks = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(NETWORK_PREFIX) && name.endsWith(".zip")) {
                networks.put(name.substring(NETWORK_PREFIX.length(), name.length() - 4),
                        restore(file, name, entry.getValue()));
            }
        }
        try {
            return new Checkpoint(restore(file, GENERATOR_ENTRY, entries.get(GENERATOR_ENTRY)),
                    restore(file, CRITIC_ENTRY, entries.get(CRITIC_ENTRY)), iteration, seed, settings, networks);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is corrupt: " + e.getMessage(), e);
        }
    }

    /**
     * The zip entries, read through the central directory (so that a file cut short anywhere, even in the
     * directory at its end, is refused) with each entry's CRC-32 checked; every read error is reported with the
     * file's name.
     */
    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != crc.getValue()) {
                    throw new ZipException("entry " + entry.getName() + " has CRC " + Long.toHexString(crc.getValue())
                            + " but the directory records " + Long.toHexString(entry.getCrc()));
                }
                // entries of later versions are read and ignored
                entries.put(entry.getName(), bytes);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable checkpoint (damaged or truncated): " + e, e);
        }
        return entries;
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

    private static RunSettings settings(Path file, Properties state) throws IOException {
        Map<String, Object> fields = new TreeMap<>();
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith(SETTING_PREFIX)) {
                String text = state.getProperty(key);
                try {
                    fields.put(key.substring(SETTING_PREFIX.length()), decode(text));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " is corrupt: " + STATE_ENTRY + " has " + key + " = '" + text
                            + "', not a typed value (b:, i:, d: or s:)", e);
                }
            }
        }
        try {
            return new RunSettings(fields);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static String encode(Object value) {
        if (value instanceof Boolean) {
            return "b:" + value;
        }
        if (value instanceof Long) {
            return "i:" + value;
        }
        if (value instanceof Double) {
            return "d:" + value;
        }
        return "s:" + value;
    }

    private static Object decode(String text) {
        String body = text.length() >= 2 && text.charAt(1) == ':' ? text.substring(2) : null;
        if (body != null) {
            switch (text.charAt(0)) {
                case 'b':
                    if (body.equals("true") || body.equals("false")) {
                        return Boolean.valueOf(body);
                    }
                    break;
                case 'i':
                    return Long.valueOf(body);
                case 'd':
                    return Double.valueOf(body);
                case 's':
                    return body;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not a typed value: " + text);
    }

    private static byte[] serialise(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        return bytes.toByteArray();
    }

    private static MultiLayerNetwork restore(Path file, String entry, byte[] bytes) throws IOException {
        io.github.ot4j.critic.internal.Nd4jSetup.ensure(); // before nd4j's first use: threads, allocator, backend
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return ModelSerializer.restoreMultiLayerNetwork(in, true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is corrupt: " + entry + " is not a DL4J network: " + e, e);
        }
    }

    private static byte[] state(Checkpoint checkpoint) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", Integer.toString(FORMAT_VERSION));
        properties.setProperty("iteration", Long.toString(checkpoint.iteration()));
        properties.setProperty("seed", Long.toString(checkpoint.seed()));
        checkpoint.settings().fields().forEach((path, value) ->
                properties.setProperty(SETTING_PREFIX + path, encode(value)));
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
}
