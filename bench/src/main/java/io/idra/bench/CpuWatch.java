package io.idra.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Who used the CPU while a case ran, from /proc/PID/stat of every process, sampled: the measured JVM, the database
 * servers (postgres, mariadbd, mysqld: other clients of the same servers included) and everything else ("others":
 * other people's builds and tests on a shared machine, which make a run slower for reasons that are not its own).
 * A process that starts and ends between two samples is missed, as is the last interval of one that ends.
 */
final class CpuWatch {

    /** CPU time in % of one core (100 = one core busy all the time). */
    record Usage(double child, double databases, double others) {
    }

    private final long self = ProcessHandle.current().pid();
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long started = System.nanoTime();
    private boolean initial = true;

    CpuWatch() {
        sample();
        initial = false;
    }

    void sample() {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    ProcStat stat = ProcStat.read(proc.resolve("stat"));
                    long pid = Long.parseLong(proc.getFileName().toString());
                    // a process first seen after the start used all its CPU time within the window
                    first.putIfAbsent(pid, initial ? stat.cpuTicks() : 0L);
                    last.put(pid, stat.cpuTicks());
                    names.put(pid, stat.name());
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Usage since this watch started; {@code child} is the measured process (-1: none). */
    Usage usage(long child) {
        sample();
        double seconds = (System.nanoTime() - started) / 1e9;
        double c = 0;
        double db = 0;
        double others = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            long pid = e.getKey();
            double percent = (e.getValue() - first.getOrDefault(pid, 0L)) / Child.CLOCK_TICKS / seconds * 100;
            String name = names.get(pid);
            if (pid == child) {
                c += percent;
            } else if (name.equals("postgres") || name.equals("mariadbd") || name.equals("mysqld")) {
                db += percent;
            } else if (pid != self) {
                others += percent;
            }
        }
        return new Usage(c, db, others);
    }

    /**
     * CPU used by every process but this one over {@code seconds}, in % of one core: between two cases the
     * databases work for someone else too.
     */
    static double othersOver(int seconds) throws InterruptedException {
        CpuWatch watch = new CpuWatch();
        for (int i = 0; i < seconds * 2; i++) {
            Thread.sleep(500);
            watch.sample();
        }
        Usage usage = watch.usage(-1);
        return usage.others() + usage.databases();
    }
}
