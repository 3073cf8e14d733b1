package io.idra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Collects the measurements; prints the tables as they are ready and writes the .md and .csv at the end. */
final class Report {

    private final Bench.Options o;
    private final StringBuilder body = new StringBuilder();
    private final List<Bench.Run> runs = new ArrayList<>();
    private final List<String> idleCsv = new ArrayList<>();

    Report(Bench.Options o, String machine) {
        this.o = o;
        body.append("# Idra benchmark: ").append(o.copy() ? String.format(Locale.ROOT, "%,d rows", o.rows)
                        : String.format(Locale.ROOT, "idle measurements on %,d rows", o.idleRows)).append("\n\n")
                .append("`bench/run.sh").append(o.userArgs()).append("`\n\n").append(machine).append('\n');
    }

    void add(Bench.Run run) {
        runs.add(run);
    }

    void append(String text) {
        body.append(text);
    }

    void idleCsv(String line) {
        idleCsv.add(line);
    }

    /** The copy table: one row per case, direction and save mode, medians over the runs. */
    void copyTable() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n## Copy: %,d rows, median of %d runs, every JVM -Xmx%s%n%n", o.rows,
                o.repeat, o.xmx));
        t.append("| case | direction | save | rows/s (median) | runs (k rows/s) | ×best JDBC | ×bulk"
                + " | peak heap MB | heap after GC MB | GC pauses ms | peak RSS MB | CPU % | DB CPU % | others CPU % |\n");
        t.append("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Direction d : o.directions) {
            for (Save s : o.saves) {
                double bulk = median(d, s, "bulk");
                double jdbc = Math.max(median(d, s, "jdbc-serial"), median(d, s, "jdbc-pipelined"));
                for (String kase : o.cases) {
                    List<Bench.Run> mine = of(d, s, kase);
                    if (mine.isEmpty()) {
                        continue;
                    }
                    double rate = median(d, s, kase);
                    boolean failed = mine.stream().anyMatch(r -> r.problem() != null);
                    t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.0f | %.0f | %.0f | %d | %.0f | %.0f | %.0f |%n",
                            kase, d.label, s.label, failed ? "FAILED" : String.format(Locale.ROOT, "%,.0f", rate),
                            mine.stream().map(r -> r.problem() != null ? "failed"
                                    : String.format(Locale.ROOT, "%.1f", r.rate() / 1000)).collect(Collectors.joining(" ")),
                            ratio(rate, jdbc), ratio(rate, bulk),
                            max(mine, r -> r.m().peakHeapMb()), max(mine, r -> r.m().afterGcHeapMb()),
                            medianOf(mine.stream().map(r -> r.m().gcPauseMs()).toList()),
                            (long) max(mine, r -> r.m().peakRssKb() / 1024.0),
                            medianOf(mine.stream().map(r -> r.m().cpuPercent()).toList()),
                            medianOf(mine.stream().map(r -> r.m().databasesPercent()).toList()),
                            medianOf(mine.stream().map(r -> r.m().othersPercent()).toList())));
                }
            }
        }
        t.append("\nrows/s: rows / the copy's own time, JVM start excluded (references: first connection to last commit;"
                + " idra: its tick, from its log line `copied N rows in … ms`). ×best JDBC, ×bulk: this median over the"
                + " best plain-JDBC variant's and the bulk path's, same direction and save mode. Heap from each JVM's"
                + " `-Xlog:gc`: most in use when a collection started (peak) and after one, max over the runs;"
                + " GC pauses: total per run, median; RSS: VmHWM, max over the runs. CPU % (100 = one core, medians): the JVM's"
                + " own CPU time over its wall time (JVM start included), the database servers' (postgres, mariadbd) and"
                + " every other process's over the same time: others are what shares the machine, not the case. A run during which others"
                + " used more than " + Math.round(o.maxOthers) + "% was run again (at most " + o.attempts + " attempts; the CSV has them all), and"
                + " each case waited for the machine to be quiet first. Every run's destination was checked"
                + " (row count, sums of ids, ints, decimals, text lengths, timestamps, NULL texts) against the source.\n");
        System.out.println(t);
        body.append(t);
    }

    /** The runs of a case; of a run repeated because others loaded the machine, the last attempt. */
    private List<Bench.Run> of(Direction d, Save s, String kase) {
        List<Bench.Run> mine = runs.stream().filter(r -> r.direction() == d && r.save() == s && r.kase().equals(kase))
                .toList();
        return mine.stream().filter(r -> mine.stream().noneMatch(x -> x.run() == r.run() && x.attempt() > r.attempt()))
                .toList();
    }

    private double median(Direction d, Save s, String kase) {
        List<Bench.Run> mine = of(d, s, kase);
        if (mine.isEmpty() || mine.stream().anyMatch(r -> r.problem() != null)) {
            return Double.NaN;
        }
        return medianOf(mine.stream().map(Bench.Run::rate).toList());
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double max(List<Bench.Run> runs, java.util.function.ToDoubleFunction<Bench.Run> f) {
        OptionalDouble max = runs.stream().mapToDouble(f).max();
        return max.orElse(0);
    }

    private static String ratio(double value, double reference) {
        return Double.isNaN(value) || Double.isNaN(reference) ? "–" : String.format(Locale.ROOT, "%.2f", value / reference);
    }

    void write(Path md, Path csv) throws Exception {
        Files.writeString(md, body.toString());
        if (runs.isEmpty()) {
            Files.write(csv.resolveSibling(csv.getFileName().toString().replace(".csv", "-idle.csv")), idleCsv);
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("case,direction,save,run,rows,seconds,rows_per_s,wall_s,peak_heap_mb,heap_after_gc_mb,gc_pause_ms,"
                + "peak_rss_mb,cpu_percent,db_cpu_percent,others_cpu_percent,attempt,problem");
        for (Bench.Run r : runs) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.3f,%.0f,%.1f,%.1f,%.1f,%.0f,%d,%.0f,%.0f,%.0f,%d,%s", r.kase(),
                    r.direction().id, r.save().id, r.run(), r.rows(), r.seconds(), r.rate(), r.m().wallSeconds(),
                    r.m().peakHeapMb(), r.m().afterGcHeapMb(), r.m().gcPauseMs(), r.m().peakRssKb() / 1024,
                    r.m().cpuPercent(), r.m().databasesPercent(), r.m().othersPercent(), r.attempt(),
                    r.problem() == null ? "" : "\"" + r.problem().replace("\"", "'") + "\""));
        }
        Files.write(csv, lines);
        if (!idleCsv.isEmpty()) {
            Files.write(csv.resolveSibling(csv.getFileName().toString().replace(".csv", "-idle.csv")), idleCsv);
        }
    }
}
