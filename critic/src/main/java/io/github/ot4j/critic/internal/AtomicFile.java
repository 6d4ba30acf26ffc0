package io.github.ot4j.critic.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically: the new content goes to a temporary file {@code <name>.<random>.tmp} in the target's
 * folder, is forced to disk, renamed over the target in one step, and the folder is then forced too (so that the
 * rename itself survives a power cut; skipped where the platform cannot open a folder, as on Windows).
 *
 * <p>A write that fails with an exception deletes its temporary file. A write that is killed (the JVM dies
 * mid-write) leaves its temporary file behind; the next write to the same target deletes every such leftover
 * {@code <name>.*.tmp} in the folder before it starts, so leftovers never accumulate. Two writers to one target at
 * the same time are not supported.
 */
public final class AtomicFile {

    /** Writes the content of the file. */
    @FunctionalInterface
    public interface Body {

        /**
         * @param out the temporary file's stream; closing it only flushes
         * @throws IOException if the content cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Forces a folder's entries to disk after the rename. */
    @FunctionalInterface
    public interface FolderSync {

        /**
         * @param folder the target's folder
         * @throws IOException if the folder cannot be forced
         */
        void force(Path folder) throws IOException;
    }

    /** The real folder sync: {@code fsync} of the folder where the platform can open one. */
    public static final FolderSync FSYNC = AtomicFile::forceFolder;

    private static final String SUFFIX = ".tmp";

    private AtomicFile() {
    }

    /**
     * Replaces {@code file} atomically with what {@code body} writes; creates the folder if missing.
     *
     * @param file the target
     * @param body the content
     * @throws IOException if it cannot be written (the previous file, if any, is then unchanged)
     */
    public static void write(Path file, Body body) throws IOException {
        write(file, body, FSYNC);
    }

    /**
     * As {@link #write(Path, Body)}, with the folder sync chosen (tests observe it).
     *
     * @param file the target
     * @param body the content
     * @param sync called with the folder once the rename is done
     * @throws IOException if it cannot be written (the previous file, if any, is then unchanged)
     */
    public static void write(Path file, Body body, FolderSync sync) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder, not a file that can be replaced");
        }
        Files.createDirectories(folder);
        String name = target.getFileName().toString();
        deleteLeftovers(folder, name);
        Path temporary = Files.createTempFile(folder, name + ".", SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new KeepOpen(Channels.newOutputStream(channel))) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            sync.force(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes the temporary files {@code <name>.*.tmp} that killed writes left. */
    private static void deleteLeftovers(Path folder, String name) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, path -> {
            String n = path.getFileName().toString();
            return n.length() > name.length() + 1 + SUFFIX.length() && n.startsWith(name + ".")
                    && n.endsWith(SUFFIX) && Files.isRegularFile(path);
        })) {
            for (Path leftover : files) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void forceFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException e) {
            return; // the platform cannot open a folder (Windows): the rename is as durable as it allows
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Leaves the channel open when the caller's stream closes, so that it can still be forced to disk. */
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
