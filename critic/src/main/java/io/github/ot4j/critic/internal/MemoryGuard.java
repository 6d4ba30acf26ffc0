package io.github.ot4j.critic.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a JVM's resident memory near what it really uses while nd4j allocates off-heap buffers that only a garbage
 * collection frees. Started by {@link Nd4jSetup#ensure()}: one daemon thread, {@value #THREAD_NAME}, reads the
 * resident set size (RSS, javacpp's {@link Pointer#physicalBytes()}) every {@value #PERIOD_MS} ms and calls
 * {@link System#gc()} when RSS exceeds the level measured after the previous collection (or at start) by more
 * than the headroom.
 *
 * <p>Why it is needed: every nd4j array outside a workspace holds native memory that nd4j frees when the garbage
 * collector clears the array's weak reference. Those small Java objects outlive the young collections that see
 * them die (the survivor space overflows and they are promoted), so they pile up in the old generation, which G1
 * collects only when it reaches 45 % of the maximum heap, by default a quarter of the machine's memory; until
 * then each one keeps its native buffer. A small critic step leaves about half a megabyte of such memory: 10 000
 * steps reached 5.4 GB resident on a 24 GB machine, while the same run with {@code -Xmx256m} stayed at 0.63 GB.
 * javacpp's own remedy ({@code org.bytedeco.javacpp.maxPhysicalBytes}) checks RSS on every allocation, which costs
 * 15–25 % of a small step (so {@link Nd4jSetup} turns it off); this thread checks twice a second.
 *
 * <p>The rule: collect when RSS &gt; settled + headroom, where settled is the RSS one period after the last
 * collection (at start: the first reading) and the headroom is the larger of {@value #MIN_HEADROOM_MIB} MiB and half
 * of settled (so a JVM that truly uses 8 GB collects only above 12 GB), or the fixed number of bytes given by the
 * system property {@value #HEADROOM_PROPERTY} (such as {@code 1g}); {@code off} or {@code 0} turns the guard off.
 * The guard spends at most about 5 % of the time in its collections: after a collection of t ms it waits at
 * least 20·t ms before the next. A collection that frees nothing raises settled, so memory that is really in use never
 * makes it collect again and again. A JVM started with {@code -Xmx} small enough never reaches the threshold.
 */
public final class MemoryGuard {

    /** System property: the RSS growth in bytes (suffix k, m or g allowed) that triggers a collection, or off. */
    public static final String HEADROOM_PROPERTY = "ot4j.nd4j.gcHeadroom";
    /** The name of the guard's daemon thread. */
    public static final String THREAD_NAME = "ot4j-memory-guard";
    /** The smallest default headroom, MiB. */
    public static final long MIN_HEADROOM_MIB = 256;
    /** Milliseconds between two readings of RSS. */
    public static final long PERIOD_MS = 500;
    /** A collection of t ms is followed by at least this many times t ms without one. */
    static final long QUIET_FACTOR = 20;

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static volatile Thread thread;

    private MemoryGuard() {
    }

    /**
     * The headroom setting.
     *
     * @param property the value of {@value #HEADROOM_PROPERTY}, or {@code null}
     * @return −1 for the default rule, 0 for off, else the fixed headroom in bytes
     * @throws IllegalStateException if the property is neither {@code off} nor a non-negative size
     */
    public static long headroomSetting(String property) {
        if (property == null) {
            return -1;
        }
        String p = property.trim().toLowerCase(Locale.ROOT);
        if (p.equals("off")) {
            return 0;
        }
        long unit = 1;
        if (p.endsWith("k") || p.endsWith("m") || p.endsWith("g")) {
            unit = 1L << (10 * ("kmg".indexOf(p.charAt(p.length() - 1)) + 1));
            p = p.substring(0, p.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(p);
            if (n >= 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("system property " + HEADROOM_PROPERTY + " must be 'off' or a size in "
                + "bytes such as 512m or 2g but is '" + property + "'");
    }

    /**
     * The RSS above which the guard collects.
     *
     * @param settled RSS after the last collection, bytes
     * @param setting {@link #headroomSetting}'s value, not 0
     * @return settled + headroom (saturating)
     */
    public static long threshold(long settled, long setting) {
        long headroom = setting > 0 ? setting : Math.max(MIN_HEADROOM_MIB << 20, settled / 2);
        return settled > Long.MAX_VALUE - headroom ? Long.MAX_VALUE : settled + headroom;
    }

    /**
     * Starts the guard once per JVM unless {@value #HEADROOM_PROPERTY} turns it off.
     *
     * @return whether the guard runs
     * @throws IllegalStateException if the property is malformed
     */
    static synchronized boolean start() {
        long setting = headroomSetting(System.getProperty(HEADROOM_PROPERTY));
        if (thread != null || setting == 0) {
            return thread != null;
        }
        Thread t = new Thread(() -> run(setting), THREAD_NAME);
        t.setDaemon(true);
        t.start();
        thread = t;
        return true;
    }

    /** @return whether the guard's thread runs in this JVM */
    public static boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** @return how many collections the guard has called in this JVM */
    public static int collections() {
        return COLLECTIONS.get();
    }

    /** @return the guard's setting for reports, such as {@code "memory guard: headroom max(256 MiB, RSS/2)"} */
    public static String describe() {
        long setting = headroomSetting(System.getProperty(HEADROOM_PROPERTY));
        String rule = setting == 0 ? "off" : setting < 0 ? "headroom max(" + MIN_HEADROOM_MIB + " MiB, RSS/2)"
                : "headroom " + (setting >> 20) + " MiB";
        return "memory guard: " + rule + (running() ? ", " + collections() + " collections" : "");
    }

    private static void run(long setting) {
        try {
            long settled = Pointer.physicalBytes();
            long quietUntil = System.nanoTime(); // nanoTime's origin is arbitrary (may be negative)
            while (true) {
                Thread.sleep(PERIOD_MS);
                long now = System.nanoTime();
                if (now - quietUntil < 0 || Pointer.physicalBytes() <= threshold(settled, setting)) {
                    continue;
                }
                System.gc();
                long took = System.nanoTime() - now;
                COLLECTIONS.incrementAndGet();
                Thread.sleep(PERIOD_MS); // nd4j's deallocator threads free the buffers the collection released
                settled = Pointer.physicalBytes();
                quietUntil = System.nanoTime() + QUIET_FACTOR * took;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // javacpp cannot read RSS on this platform: the guard ends, nothing else depends on it
        }
    }
}
