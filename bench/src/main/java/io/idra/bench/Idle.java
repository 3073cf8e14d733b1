package io.idra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The idle measurements on the big indexed source, for each direction: (1) one caught-up Timestamp sync, its tick
 * timed inside idra ({@link IdleTick}) against the bare index query; (2) many caught-up syncs ticking every second
 * in one {@code idra run} process: its CPU (utime + stime from /proc/PID/stat) and the connections it holds
 * (pg_stat_activity, information_schema.PROCESSLIST), sampled every second.
 */
final class Idle {

    private final Bench.Options o;
    private final String classpath;
    private final Report report;
    private final StringBuilder ticks = new StringBuilder();
    private final StringBuilder syncs = new StringBuilder();

    Idle(Bench.Options o, String classpath, Report report) {
        this.o = o;
        this.classpath = classpath;
        this.report = report;
    }

    void run() throws Exception {
        report.idleCsv("measure,direction,syncs,values");
        for (Direction d : o.directions) {
            BenchTable.create(d.destination(), BenchTable.DESTINATION);
            Object[] cursor = BenchTable.lastCursor(d.source());
            tick(d, cursor);
            syncs(d, cursor, null);
        }
        String t = String.format(Locale.ROOT, "%n## Idle tick: %,d-row source with an index on (updated_at, id),"
                + " one caught-up Timestamp sync ticking every second (%d ticks, after %d syncs ticked %d s to warm up)"
                + "%n%n", o.idleRows, o.idleTicks, o.idleSyncs, o.idleWarmup)
                + "| source → destination | idra tick median ms | p90 | min | bare query at the same pace median ms"
                + " | tick / bare (same pace) | bare query back to back median ms | idra's query back to back median ms"
                + " | tick / bare (back to back) | others CPU % |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + ticks
                + "\nTick: from TickStarter to TickEnder as idra's status records it (in-process, idra's API), in a JVM"
                + " where " + o.idleSyncs + " such syncs ticked for the warm-up (as a node's code is compiled after"
                + " hours), then all but the measured one were stopped. Bare query: `SELECT * FROM src WHERE (updated_at,"
                + " id) > (?, ?) ORDER BY updated_at, id LIMIT 1` (MariaDB: the index-range form idra writes,"
                + " `updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND id > ?))`), prepared anew each time on"
                + " an open connection, then the transaction ended: at the same pace = once a second in the same JVM,"
                + " half a second after each measured tick; back to back = in a loop after 200 runs to warm up, in turn"
                + " with idra's query (the same without LIMIT, fetch size 5000 / streaming), medians of at least 100.\n"
                + String.format(Locale.ROOT, "%n## %d idle syncs ticking every second on one node, %d s after %d s"
                + " of warm-up%n%n", o.idleSyncs, o.idleSeconds, o.idleWarmup)
                + "| source → destination | syncs | ticks/s seen | CPU % of one core | of which JIT % | of which GC %"
                + " | CPU ms per tick | source connections max | destination connections max | threads | RSS MB"
                + " | DB CPU % | others CPU % |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" + syncs
                + "\nOne `java -Xmx" + o.xmx + " -jar idra.jar run` with " + o.idleSyncs + " Timestamp syncs"
                + " (polling_time 1, state store H2) on the same source table, caught up; measured " + o.idleWarmup
                + " s after every sync had ticked once (the JIT compiles the ticks' code over the first minutes)."
                + " CPU: utime + stime of the process over the window, and the share of its JIT compiler and garbage"
                + " collector threads (/proc/PID/task); connections: the server's count of connections to the benchmark"
                + " database, sampled every second; ticks: the `nothing new` DEBUG lines; CPU ms per tick: the process's"
                + " CPU time over those ticks (every cost of the idle process included).\n";
        System.out.println(t);
        report.append(t);
    }

    private void tick(Direction d, Object[] cursor) throws Exception {
        Path work = o.work.resolve("idle-tick-" + d.id);
        Bench.deleteTree(work);
        Files.createDirectories(work);
        String stateUrl = Records.stateUrl(work);
        List<String[]> ids = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("-cp", classpath, IdleTick.class.getName(), stateUrl,
                d.source().id(), String.valueOf(o.idleWarmup), String.valueOf(o.idleTicks), cursor[0].toString(),
                cursor[1].toString()));
        // the first is measured; the others warm the JVM up with it, then stop
        for (int i = 0; i < o.idleSyncs; i++) {
            String name = String.format("idle_tick_%03d", i);
            ids.add(new String[] {"idle-tick-" + i, name});
            Files.writeString(work.resolve(name + ".json"), Records.sync("idle-tick-" + i, name, "Timestamp", d,
                    Save.UPSERT, 1));
            command.add(name + ".json");
        }
        Records.seedState(stateUrl, ids, cursor);
        Bench.waitForQuiet(o);
        Child.Measured m = Child.run(work, List.of("-Xmx" + o.xmx), command, 20);
        if (m.exitCode() != 0) {
            throw new IllegalStateException("idle tick failed:\n" + Bench.tail(m.output(), 40));
        }
        double[] tick = values(m.output(), "TICK_US");
        double[] paced = values(m.output(), "BARE_PACED_US");
        double[] bare = values(m.output(), "BARE_US");
        double[] query = values(m.output(), "IDRA_QUERY_US");
        ticks.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %.0f |%n",
                d.label, percentile(tick, 50) / 1000, percentile(tick, 90) / 1000, percentile(tick, 0) / 1000,
                percentile(paced, 50) / 1000, percentile(tick, 50) / percentile(paced, 50),
                percentile(bare, 50) / 1000, percentile(query, 50) / 1000, percentile(tick, 50) / percentile(bare, 50),
                m.othersPercent()));
        for (String label : List.of("TICK_US", "BARE_PACED_US", "BARE_US", "IDRA_QUERY_US")) {
            report.idleCsv(label.toLowerCase(Locale.ROOT) + "," + d.id + ",1," + String.join(" ",
                    Arrays.stream(values(m.output(), label)).mapToObj(v -> String.valueOf((long) v)).toList()));
        }
        System.out.println("idle tick " + d.label + ": " + ticks.toString().lines().reduce((a, b) -> b).orElse(""));
    }

    /** @param jfr null: measure; else: record 30 s of ticking with JFR into that file, and summarise it */
    private void syncs(Direction d, Object[] cursor, Path jfr) throws Exception {
        Path work = o.work.resolve("idle-syncs-" + d.id + (jfr == null ? "" : "-profile")).toAbsolutePath();
        Bench.deleteTree(work);
        Files.createDirectories(work.resolve("syncs"));
        String stateUrl = Records.stateUrl(work);
        List<String[]> ids = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of(Child.java(), "-Xmx" + o.xmx,
                "-Dlogback.configurationFile=" + work.resolve("logback.xml"), "-Didra.state.url=" + stateUrl,
                "-jar", o.jar.toString(), "run"));
        for (int i = 0; i < o.idleSyncs; i++) {
            String id = String.format("idle-%s-%03d", d.id, i);
            String name = String.format("idle_%03d", i);
            ids.add(new String[] {id, name});
            Path file = work.resolve("syncs/" + name + ".json");
            Files.writeString(file, Records.sync(id, name, "Timestamp", d, Save.UPSERT, 1));
            command.add(file.toString());
        }
        Records.seedState(stateUrl, ids, cursor);
        Path log = work.resolve("idra.log");
        Files.writeString(work.resolve("logback.xml"), "<configuration>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\"><file>" + log + "</file>\n"
                + "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder></appender>\n"
                + "  <logger name=\"io.idra.sync\" level=\"DEBUG\"/>\n  <logger name=\"com.zaxxer.hikari\" level=\"WARN\"/>\n"
                + "  <logger name=\"org.quartz\" level=\"WARN\"/>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>\n</configuration>\n");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (idleLines(log) < o.idleSyncs) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the idle syncs did not all tick; see " + work);
                }
                Thread.sleep(500);
            }
            // a node runs for days: the JIT compiles the ticks' code over the first minutes, then is (nearly) done
            Thread.sleep(TimeUnit.SECONDS.toMillis(o.idleWarmup));
            if (jfr != null) {
                // only the warm process is profiled
                jcmd(p.pid(), "JFR.start", "name=idle", "settings=profile");
                Thread.sleep(30_000);
                jcmd(p.pid(), "JFR.stop", "name=idle", "filename=" + jfr);
                return;
            }
            Bench.waitForQuiet(o);
            CpuWatch watch = new CpuWatch();
            long lines0 = idleLines(log);
            long cpu0 = Child.cpuTicks(p.pid());
            long[] jvm0 = Child.jvmThreadTicks(p.pid());
            long t0 = System.nanoTime();
            int sourceMax = 0;
            int destinationMax = 0;
            List<String> samples = new ArrayList<>();
            for (int s = 0; s < o.idleSeconds; s++) {
                Thread.sleep(1000);
                int source = d.source().connectionsToBenchDatabase();
                int destination = d.destination().connectionsToBenchDatabase();
                sourceMax = Math.max(sourceMax, source);
                destinationMax = Math.max(destinationMax, destination);
                samples.add(source + "/" + destination);
                watch.sample();
            }
            CpuWatch.Usage usage = watch.usage(p.pid());
            long cpu1 = Child.cpuTicks(p.pid());
            long[] jvm1 = Child.jvmThreadTicks(p.pid());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long lines1 = idleLines(log);
            if (!p.isAlive()) {
                throw new IllegalStateException("idra stopped during the idle measurement; see " + work);
            }
            double cpu = (cpu1 - cpu0) / Child.CLOCK_TICKS / seconds * 100;
            double jit = (jvm1[0] - jvm0[0]) / Child.CLOCK_TICKS / seconds * 100;
            double gc = (jvm1[1] - jvm0[1]) / Child.CLOCK_TICKS / seconds * 100;
            double ticksPerSecond = (lines1 - lines0) / seconds;
            syncs.append(String.format(Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %d | %d | %d | %d | %.0f | %.0f |%n",
                    d.label, o.idleSyncs, ticksPerSecond, cpu, jit, gc, cpu * 10 / ticksPerSecond, sourceMax,
                    destinationMax,
                    Child.procStatus(p.pid(), "Threads"), Child.procStatus(p.pid(), "VmRSS") / 1024, usage.databases(),
                    usage.others()));
            report.idleCsv("cpu_percent," + d.id + "," + o.idleSyncs + "," + String.format(Locale.ROOT, "%.2f", cpu));
            report.idleCsv("jit_gc_percent," + d.id + "," + o.idleSyncs + ","
                    + String.format(Locale.ROOT, "%.2f %.2f", jit, gc));
            report.idleCsv("ticks_per_s," + d.id + "," + o.idleSyncs + ","
                    + String.format(Locale.ROOT, "%.1f", ticksPerSecond));
            report.idleCsv("connections_source/destination," + d.id + "," + o.idleSyncs + "," + String.join(" ", samples));
            System.out.println("idle syncs " + d.label + ": " + syncs.toString().lines().reduce((a, b) -> b).orElse(""));
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** With --profile: where the CPU of the warm idle syncs goes (JFR, 30 s of ticking, not measured above). */
    void profile() throws Exception {
        for (Direction d : o.directions) {
            BenchTable.create(d.destination(), BenchTable.DESTINATION);
            Path jfr = o.work.resolve("profile-idle-" + d.id + ".jfr").toAbsolutePath();
            syncs(d, BenchTable.lastCursor(d.source()), jfr);
            String text = String.format(Locale.ROOT,
                    "%n### %d idle syncs, %s, 30 s of ticking after %d s of warm-up%n%n```%n%s```%n",
                    o.idleSyncs, d.label, o.idleWarmup, JfrTop.summary(jfr, 12));
            System.out.println(text);
            report.append(text);
        }
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    private static long idleLines(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(": nothing new, offset")).count();
        }
    }

    private static double[] values(String output, String label) {
        return output.lines().filter(l -> l.startsWith(label + " ")).findFirst()
                .map(l -> Arrays.stream(l.substring(label.length() + 1).trim().split(" ")).mapToDouble(Double::parseDouble)
                        .sorted().toArray())
                .orElseThrow(() -> new IllegalStateException("no " + label + " line in: " + output));
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p / 100.0 * (sorted.length - 1)))];
    }
}
