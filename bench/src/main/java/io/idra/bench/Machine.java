package io.idra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and software the numbers were measured on, for the report's header. */
final class Machine {

    private Machine() {
    }

    static String describe(Db pg, Db my, Path jar, String label, String date) throws Exception {
        return "- Date: " + date + "\n"
                + "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpuModel() + ", "
                + memoryGb() + " GB memory, Linux " + read("/proc/sys/kernel/osrelease") + "\n"
                + "- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")\n"
                + "- PostgreSQL: " + pg.version().replaceAll(" on .*", "") + "; " + pg.settings() + "\n"
                + "- MariaDB: " + my.version() + "; " + my.settings().toLowerCase() + "\n"
                + "- idra: " + jar.getFileName() + (label.isEmpty() ? "" : " built from " + label) + "\n"
                + "- Load average at start: " + loadAverage() + " (other processes share this machine)";
    }

    static String loadAverage() {
        String[] parts = read("/proc/loadavg").split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "?";
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static long memoryGb() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse(0L);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
