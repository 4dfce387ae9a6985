package org.xinfang.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the node and the load driver, when the benchmark starts the node itself)
 * and by the embedded PostgreSQL (its postmaster and every backend, from {@code /proc}), so a phase can
 * say what one request costs in CPU regardless of how busy the machine is. Linux only; elsewhere the
 * PostgreSQL part is unknown.
 */
final class CpuMeter {

    /** CPU nanoseconds of the JVM and of PostgreSQL at one moment. */
    record Reading(long jvmNanos, long postgresNanos) {

        String perRequest(Reading before, long requests) {
            if (requests <= 0) {
                return "no requests";
            }
            double jvm = (jvmNanos - before.jvmNanos) / 1e6 / requests;
            String pg = postgresNanos < 0 ? "?" : String.format(Locale.ROOT, "%.1f", (postgresNanos - before.postgresNanos) / 1e6 / requests);
            return String.format(Locale.ROOT, "CPU per acknowledged request: JVM (node + load driver) %.1f ms, PostgreSQL %s ms", jvm, pg);
        }
    }

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux
    private final Path postmasterPid;

    /** @param pgDataDir the embedded PostgreSQL's data folder, or null if it is not local */
    CpuMeter(Path pgDataDir) {
        this.postmasterPid = pgDataDir == null ? null : pgDataDir.resolve("postmaster.pid");
    }

    Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(jvm, postgres());
    }

    private long postgres() {
        try {
            if (postmasterPid == null || !Files.isRegularFile(postmasterPid)) {
                return -1;
            }
            long master = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long[] f = stat(p.resolve("stat"));
                    if (f == null) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    if (pid == master) {
                        ticks += f[1] + f[2] + f[3] + f[4]; // itself and its ended children (backends that exited)
                    } else if (f[0] == master) {
                        ticks += f[1] + f[2];
                    }
                }
            }
            return ticks * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** ppid, utime, stime, cutime, cstime of one process, or null if it went away. */
    private static long[] stat(Path file) {
        try {
            String s = Files.readString(file);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
            return new long[] { Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14]) };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
