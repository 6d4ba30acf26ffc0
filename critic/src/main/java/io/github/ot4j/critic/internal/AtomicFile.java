package io.github.ot4j.critic.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file atomically: the new content goes to a temporary file {@code <name>.<pid>-<random>.tmp} in the
 * target's folder ({@code <pid>}: the writing JVM's process id), locked by its writer while it is written, forced to
 * disk, renamed over the target in one step, and the folder is then forced too (so that the rename itself survives
 * a power cut; skipped where the platform cannot open a folder, as on Windows).
 *
 * <p>A write that fails with an exception deletes its temporary file. A write that is killed (the JVM dies
 * mid-write) leaves it behind; {@link #removeStale} deletes such leftovers of one target, and every write calls it
 * first, so leftovers never accumulate. A temporary file is stale, and removed, when its writer is gone: its
 * process no longer exists; or the process id is alive but no process holds the file's lock and the file is more
 * than {@value #STALE_AFTER_SECONDS} s old (the id was reused); or it is a file of this JVM's process id that no
 * write in this JVM has open (left by an earlier process with the same id). A temporary file in the format of
 * earlier versions ({@code <name>.<random>.tmp}, no process id, never locked) is removed when it is more than
 * {@value #LEGACY_STALE_AFTER_SECONDS} s old. A concurrent live writer's temporary file is therefore never removed;
 * which of two concurrent writers' contents the target ends with is not defined.
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

    /** A temporary file whose live process holds no lock on it is stale after this many seconds. */
    public static final long STALE_AFTER_SECONDS = 60;
    /** A temporary file without a process id (earlier versions) is stale after this many seconds. */
    public static final long LEGACY_STALE_AFTER_SECONDS = 3600;

    private static final String SUFFIX = ".tmp";
    private static final long PID = ProcessHandle.current().pid();
    /** The temporary files this JVM's writes have open. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Pattern PID_NAME = Pattern.compile("([0-9]{1,18})-[0-9]+");
    private static final Pattern LEGACY_NAME = Pattern.compile("[0-9]+");
    private static final SecureRandom RANDOM = new SecureRandom();

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
        removeStale(target);
        Path temporary = null;
        try {
            temporary = newTemporary(folder, name);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.lock(); // held until the channel closes: tells other processes this writer is alive
                try (OutputStream out = new KeepOpen(Channels.newOutputStream(channel))) {
                    body.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            sync.force(folder);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
                OPEN.remove(temporary);
            }
        }
    }

    /** Creates a new temporary file {@code <name>.<pid>-<random>.tmp}, registered as open in this JVM. */
    private static Path newTemporary(Path folder, String name) throws IOException {
        while (true) {
            Path temporary = folder.resolve(name + "." + PID + "-" + Long.toUnsignedString(RANDOM.nextLong()) + SUFFIX);
            OPEN.add(temporary);
            try {
                return Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                OPEN.remove(temporary);
            } catch (IOException | RuntimeException e) {
                OPEN.remove(temporary);
                throw e;
            }
        }
    }

    /**
     * Deletes the stale temporary files of {@code file} (see the class comment): those that killed writes left.
     * Temporary files of live writers, and every other file, stay.
     *
     * @param file the target whose leftovers to remove
     * @return how many were removed
     * @throws IOException if the folder cannot be listed or a stale file cannot be deleted
     */
    public static int removeStale(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        String prefix = target.getFileName().toString() + ".";
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, path -> {
            String n = path.getFileName().toString();
            return n.length() > prefix.length() + SUFFIX.length() && n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path candidate : files) {
                String middle = candidate.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - SUFFIX.length());
                if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS) && stale(candidate, middle)
                        && Files.deleteIfExists(candidate)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** @param middle the name between {@code <name>.} and {@code .tmp} */
    private static boolean stale(Path candidate, String middle) throws IOException {
        Matcher m = PID_NAME.matcher(middle);
        if (!m.matches()) {
            return LEGACY_NAME.matcher(middle).matches() && olderThan(candidate, LEGACY_STALE_AFTER_SECONDS);
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false; // not a name this class writes
        }
        if (pid == PID) {
            return !OPEN.contains(candidate.toAbsolutePath()); // never open a live writer's file: that drops its lock
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return olderThan(candidate, STALE_AFTER_SECONDS) && !locked(candidate);
        }
        return true;
    }

    /** @return whether another process holds a lock on the file */
    private static boolean locked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            try (FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true)) {
                return lock == null;
            }
        } catch (NoSuchFileException e) {
            return true; // gone already: nothing to delete
        }
    }

    private static boolean olderThan(Path file, long seconds) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minusSeconds(seconds));
        } catch (NoSuchFileException e) {
            return false;
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
