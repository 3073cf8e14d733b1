package io.idra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one measured JVM: its output, wall time, peak RSS (VmHWM of /proc/PID/status, sampled every 100 ms while it
 * runs: a high-water mark, so the last sample is the peak up to the last 100 ms) and its heap from its own
 * {@code -Xlog:gc} file: the most heap in use when a collection started (peak), the most still in use after one
 * (live data), and the total of the pauses.
 */
final class Child {

    /**
     * CPU in % of one core over the child's wall time: its own (utime + stime), the database servers' and everyone
     * else's ({@link CpuWatch}).
     */
    record Measured(int exitCode, String output, double wallSeconds, long peakRssKb, double peakHeapMb,
                    double afterGcHeapMb, double gcPauseMs, double cpuPercent, double databasesPercent,
                    double othersPercent) {
    }

    private static final Pattern GC = Pattern.compile(
            "Pause.* (\\d+(?:\\.\\d+)?)([KMG])->(\\d+(?:\\.\\d+)?)([KMG])\\((\\d+(?:\\.\\d+)?)[KMG]\\) (\\d+(?:\\.\\d+)?)ms");

    /** USER_HZ: the unit of /proc's CPU times; 100 on Linux (sysconf(_SC_CLK_TCK)). */
    static final double CLOCK_TICKS = 100;

    private Child() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param jvmOptions options before the main class or -jar (the gc log option is added here)
     * @param rest       {@code -cp ... Main args} or {@code -jar file args}
     */
    static Measured run(Path workDir, List<String> jvmOptions, List<String> rest, long timeoutMinutes)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve("gc.log");
        Path output = workDir.resolve("output.txt");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(rest);
        CpuWatch watch = new CpuWatch();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        long peakRss = 0;
        long cpu = 0;
        long deadline = started + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        for (int polls = 1; !process.waitFor(100, TimeUnit.MILLISECONDS); polls++) {
            if (polls % 5 == 0) {
                watch.sample();
            }
            peakRss = Math.max(peakRss, procStatus(process.pid(), "VmHWM"));
            try {
                cpu = cpuTicks(process.pid());
            } catch (IOException | RuntimeException e) {
                // it just ended
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        CpuWatch.Usage usage = watch.usage(process.pid());
        double peak = 0;
        double live = 0;
        double pauses = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, mb(m.group(1), m.group(2)));
                    live = Math.max(live, mb(m.group(3), m.group(4)));
                    pauses += Double.parseDouble(m.group(6));
                }
            }
        }
        return new Measured(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), wall, peakRss,
                peak, live, pauses, 100.0 * cpu / CLOCK_TICKS / wall, usage.databases(), usage.others());
    }

    private static double mb(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /** A kB field of /proc/PID/status (VmHWM, VmRSS), 0 once the process is gone. */
    static long procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    /**
     * CPU ticks of the process's JVM-internal threads by kind: [JIT compiler threads, garbage collector threads].
     * Threads that ended meanwhile are not counted.
     */
    static long[] jvmThreadTicks(long pid) throws IOException {
        long[] ticks = new long[2];
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    ProcStat stat = ProcStat.read(task.resolve("stat"));
                    if (stat.name().matches("C[12] CompilerThre.*")) {
                        ticks[0] += stat.cpuTicks();
                    } else if (stat.name().startsWith("GC Thread") || stat.name().startsWith("G1 ")) {
                        ticks[1] += stat.cpuTicks();
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        return ProcStat.read(Path.of("/proc", String.valueOf(pid), "stat")).cpuTicks();
    }
}
