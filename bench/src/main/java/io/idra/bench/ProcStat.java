package io.idra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One /proc/PID/stat (or /proc/PID/task/TID/stat) file: the command name and utime + stime in clock ticks. */
record ProcStat(String name, long cpuTicks) {

    static ProcStat read(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // the name is in parentheses and may hold spaces: the fields start after the last ')'
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new ProcStat(name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }
}
