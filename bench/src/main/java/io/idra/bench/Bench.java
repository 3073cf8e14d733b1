package io.idra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue 5, started by bench/run.sh (which builds idra.jar and this module): generates the table,
 * runs every copy case in its own JVM against a fresh destination, checks each result, measures the idle tick, and
 * prints and writes the tables (bench/results/DATE-ROWS.md and .csv). Options: see {@link Options} and run.sh.
 */
public final class Bench {

    /** The command line; defaults are the issue's. */
    static final class Options {
        long rows = 1_000_000;
        int repeat = 3;
        List<String> cases = List.of("bulk", "jdbc-serial", "jdbc-pipelined", "idra");
        List<Direction> directions = List.of(Direction.PG_TO_MYSQL, Direction.MYSQL_TO_PG);
        List<Save> saves = List.of(Save.INSERT, Save.UPSERT);
        String idraMode = "IdField";
        String xmx = "256m";
        long idleRows = 10_000_000;
        int idleSyncs = 100;
        int idleSeconds = 60;
        int idleTicks = 20;
        int idleWarmup = 120;
        double maxOthers = 50;
        int quietWait = 120;
        int attempts = 2;
        boolean profile;
        boolean keep;
        Path jar;
        Path out = Path.of("bench/results");
        Path work = Path.of("bench/target/work");
        String label = "";
        final List<String> args;

        Options(String[] argv) {
            args = List.of(argv);
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                switch (a) {
                    case "--rows" -> rows = Long.parseLong(argv[++i].replace("_", ""));
                    case "--repeat" -> repeat = Integer.parseInt(argv[++i]);
                    case "--cases" -> cases = List.of(argv[++i].split(","));
                    case "--directions" -> directions = Arrays.stream(argv[++i].split(",")).map(Direction::of).toList();
                    case "--saves" -> saves = Arrays.stream(argv[++i].split(",")).map(Save::of).toList();
                    case "--idra-mode" -> idraMode = argv[++i];
                    case "--xmx" -> xmx = argv[++i];
                    case "--idle-rows" -> idleRows = Long.parseLong(argv[++i].replace("_", ""));
                    case "--idle-syncs" -> idleSyncs = Integer.parseInt(argv[++i]);
                    case "--idle-seconds" -> idleSeconds = Integer.parseInt(argv[++i]);
                    case "--idle-ticks" -> idleTicks = Integer.parseInt(argv[++i]);
                    case "--idle-warmup" -> idleWarmup = Integer.parseInt(argv[++i]);
                    case "--max-others" -> maxOthers = Double.parseDouble(argv[++i]);
                    case "--quiet-wait" -> quietWait = Integer.parseInt(argv[++i]);
                    case "--attempts" -> attempts = Integer.parseInt(argv[++i]);
                    case "--profile" -> profile = true;
                    case "--keep" -> keep = true;
                    case "--jar" -> jar = Path.of(argv[++i]).toAbsolutePath();
                    case "--out" -> out = Path.of(argv[++i]);
                    case "--work" -> work = Path.of(argv[++i]);
                    case "--label" -> label = argv[++i];
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see bench/run.sh --help)");
                }
            }
            for (String c : cases) {
                if (!List.of("bulk", "jdbc-serial", "jdbc-pipelined", "idra", "none").contains(c)) {
                    throw new IllegalArgumentException("unknown case " + c);
                }
            }
            work = work.toAbsolutePath();
            if (jar == null) {
                throw new IllegalArgumentException("--jar is required (run.sh passes the idra.jar it built)");
            }
        }

        /** The options as the user gave them to run.sh (without the ones run.sh adds). */
        String userArgs() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--jar") || args.get(i).equals("--label")) {
                    i++;
                } else {
                    out.append(' ').append(args.get(i));
                }
            }
            return out.toString();
        }

        boolean copy() {
            return !cases.contains("none");
        }
    }

    /** One measured copy. {@code seconds} is the copy itself: for idra its tick time, from its log line. */
    record Run(String kase, Direction direction, Save save, int run, int attempt, long rows, double seconds,
               Child.Measured m, String problem) {
        double rate() {
            return problem == null ? rows / seconds : 0;
        }

        String summary() {
            return problem != null ? "FAILED: " + problem : String.format(java.util.Locale.ROOT,
                    "%,9.0f rows/s  %5.1f s  heap %3.0f/%3.0f MB  rss %3d MB  cpu %3.0f%%  db %3.0f%%  others %3.0f%%",
                    rate(), seconds, m.peakHeapMb(), m.afterGcHeapMb(), m.peakRssKb() / 1024, m.cpuPercent(),
                    m.databasesPercent(), m.othersPercent());
        }
    }

    private static final Pattern COPIED = Pattern.compile("copied (\\d+) rows in \\d+ pass\\(es\\), (\\d+) ms");
    private static final Pattern RESULT = Pattern.compile("RESULT rows=(\\d+) millis=(\\d+)");

    private final Options o;
    private final Db pg = Db.postgres();
    private final Db my = Db.mysql();
    private final String classpath;
    private final java.util.Map<Db.Engine, List<String>> sourceChecksums = new java.util.EnumMap<>(Db.Engine.class);

    private Bench(Options o) {
        this.o = o;
        this.classpath = System.getProperty("java.class.path");
    }

    public static void main(String[] args) throws Exception {
        new Bench(new Options(args)).run();
    }

    private void run() throws Exception {
        Files.createDirectories(o.out);
        Files.createDirectories(o.work);
        String started = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19);
        String machine = Machine.describe(pg, my, o.jar, o.label, started);
        System.out.println(machine);
        Report report = new Report(o, machine);
        try {
            pg.createDatabase();
            my.createDatabase();
            long generated = 0;
            if (o.copy()) {
                generated = generate(0, o.rows);
                copyCases(report);
                if (o.profile && o.cases.contains("idra")) {
                    profile(report);
                }
            }
            if (o.idleRows > 0) {
                generate(generated, o.idleRows);
                Idle idle = new Idle(o, classpath, report);
                idle.run();
                if (o.profile) {
                    report.append("\n## Where the idle syncs' CPU goes (JFR, `settings=profile`)\n");
                    idle.profile();
                }
            }
        } finally {
            if (!o.keep) {
                pg.dropDatabase();
                my.dropDatabase();
            }
        }
        report.append("\nEnded " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19)
                + "; load average then: " + Machine.loadAverage() + "\n");
        String base = LocalDate.now() + (o.copy() ? "-" + o.rows : "-idle-" + o.idleRows);
        String name = base;
        for (int n = 2; Files.exists(o.out.resolve(name + ".md")); n++) {
            name = base + "-" + n; // another run that day: -2, -3..., never overwritten
        }
        Path md = o.out.resolve(name + ".md");
        report.write(md, o.out.resolve(name + ".csv"));
        System.out.println("\nwritten: " + md + " and the .csv files beside it");
    }

    /** Makes the source tables hold rows 1..to (both engines), adding what is missing. */
    private long generate(long have, long to) throws Exception {
        if (to <= have) {
            return have;
        }
        for (Db db : List.of(pg, my)) {
            long started = System.nanoTime();
            if (have == 0) {
                BenchTable.create(db, BenchTable.SOURCE);
            }
            BenchTable.fill(db, have + 1, to);
            System.out.printf("generated rows %,d..%,d in %s in %.0f s%n", have + 1, to, db.label(),
                    (System.nanoTime() - started) / 1e9);
        }
        List<String> a = BenchTable.checksum(pg, BenchTable.SOURCE);
        List<String> b = BenchTable.checksum(my, BenchTable.SOURCE);
        if (!a.equals(b)) {
            throw new IllegalStateException("the generated tables differ: PostgreSQL " + a + ", MariaDB " + b);
        }
        System.out.println("source checksum (both engines): " + a);
        return to;
    }

    private void copyCases(Report report) throws Exception {
        for (int run = 1; run <= o.repeat; run++) {
            for (Direction d : o.directions) {
                for (Save s : o.saves) {
                    for (String kase : o.cases) {
                        for (int attempt = 1; attempt <= o.attempts; attempt++) {
                            waitForQuiet(o);
                            Run r = copy(kase, d, s, run, attempt, List.of());
                            System.out.printf("run %d/%d  %-15s %-11s %-6s %s%n", run, o.repeat, kase, d.label,
                                    s.label, r.summary());
                            report.add(r);
                            if (r.problem != null || r.m.othersPercent() <= o.maxOthers) {
                                break;
                            }
                            System.out.printf("  other processes used %.0f%% of a core meanwhile (limit %.0f%%): %s%n",
                                    r.m.othersPercent(), o.maxOthers, attempt < o.attempts ? "once more" : "kept");
                        }
                    }
                }
            }
        }
        report.copyTable();
    }

    /** One copy into a fresh destination table, checked against the source afterwards. */
    private Run copy(String kase, Direction d, Save s, int run, int attempt, List<String> extraJvmOptions)
            throws Exception {
        Db source = d.source();
        Db destination = d.destination();
        BenchTable.create(destination, BenchTable.DESTINATION);
        if (destination.engine == Db.Engine.POSTGRES) {
            destination.execute("CHECKPOINT");
        }
        Path work = o.work.resolve(d.id + "-" + s.id + "-" + kase + "-" + run);
        deleteTree(work);
        Files.createDirectories(work);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.xmx));
        jvm.addAll(extraJvmOptions);
        Child.Measured m;
        long rows;
        double seconds;
        String problem = null;
        if (kase.equals("idra")) {
            Files.writeString(work.resolve("sync.json"), Records.sync("bench-" + run, "bench", o.idraMode, d, s, 1));
            m = Child.run(work, jvm, List.of("-jar", o.jar.toString(), "run", "--once", "sync.json"), 60);
            Matcher copied = COPIED.matcher(m.output());
            rows = copied.find() ? Long.parseLong(copied.group(1)) : -1;
            seconds = rows < 0 ? 0 : Long.parseLong(copied.group(2)) / 1000.0;
            if (m.exitCode() != 0 || !m.output().contains("sync 'bench': OK, " + o.rows + " rows copied")) {
                problem = "exit " + m.exitCode() + ", no 'OK, " + o.rows + " rows copied'";
            }
        } else {
            m = Child.run(work, jvm, List.of("-cp", classpath, CopyCase.class.getName(), kase, d.id, s.id), 60);
            Matcher result = RESULT.matcher(m.output());
            rows = result.find() ? Long.parseLong(result.group(1)) : -1;
            seconds = rows < 0 ? 0 : Long.parseLong(result.group(2)) / 1000.0;
            if (m.exitCode() != 0 || rows != o.rows) {
                problem = "exit " + m.exitCode() + ", rows " + rows;
            }
        }
        if (problem == null) {
            List<String> expected = sourceChecksums.computeIfAbsent(source.engine, e -> checksum(source));
            List<String> actual = BenchTable.checksum(destination, BenchTable.DESTINATION);
            if (!expected.equals(actual)) {
                problem = "checksum " + actual + " != source " + expected;
            }
        }
        if (problem != null) {
            System.err.println(kase + " " + d.label + " " + s.label + " failed; its output (" + work + "):\n"
                    + tail(m.output(), 40));
        }
        return new Run(kase, d, s, run, attempt, rows, seconds, m, problem);
    }

    /** One more idra run per direction and save mode with JFR's profiling settings; top frames into the report. */
    private void profile(Report report) throws Exception {
        report.append("\n## Where idra's time goes (JFR, one extra run each, `settings=profile`)\n");
        for (Direction d : o.directions) {
            for (Save s : o.saves) {
                Path jfr = o.work.resolve("profile-" + d.id + "-" + s.id + ".jfr").toAbsolutePath();
                waitForQuiet(o);
                Run r = copy("idra", d, s, 0, 1, List.of("-XX:StartFlightRecording=filename=" + jfr
                        + ",settings=profile,dumponexit=true"));
                String summary = JfrTop.summary(jfr, 12);
                String title = String.format("### idra %s %s: %,.0f rows/s under the profiler%s", d.label, s.label,
                        r.rate(), r.problem == null ? "" : " (FAILED: " + r.problem + ")");
                System.out.println("\n" + title + "\n" + summary);
                report.append("\n" + title + "\n\n```\n" + summary + "```\n");
            }
        }
    }

    /**
     * Waits (at most --quiet-wait seconds) until other processes (databases included: nothing of ours runs) use at
     * most --max-others % of a core: on a shared machine someone else's build would otherwise decide the numbers.
     */
    static void waitForQuiet(Options o) throws InterruptedException {
        long deadline = System.nanoTime() + o.quietWait * 1_000_000_000L;
        for (int checks = 0; ; checks++) {
            double others = CpuWatch.othersOver(3);
            if (others <= o.maxOthers) {
                return;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf("  other processes still use %.0f%% of a core after %d s: going on%n", others,
                        o.quietWait);
                return;
            }
            if (checks % 10 == 0) {
                System.out.printf("  waiting: other processes use %.0f%% of a core (limit %.0f%%)%n", others,
                        o.maxOthers);
            }
        }
    }

    private static List<String> checksum(Db db) {
        try {
            return BenchTable.checksum(db, BenchTable.SOURCE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
