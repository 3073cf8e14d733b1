package io.idra.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text summary of a JFR recording: samples per thread (Java and native); the Java samples of all threads but
 * main by top frame (self time), by the first frame outside the JDK and by library (package of that frame); native
 * samples by thread and Java caller (mostly waiting on a socket); the total of GC pauses. {@code JfrTop FILE [LINES]}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(summary(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15));
    }

    static String summary(Path recording, int lines) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> nativeThreads = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> firstOwn = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        int samples = 0;
        Duration gc = Duration.ZERO;
        int collections = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gc = gc.plus(e.getDuration("sumOfPauses"));
                collections++;
                continue;
            }
            boolean java = type.equals("jdk.ExecutionSample");
            if (!java && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            String thread = threadName(e.getThread("sampledThread") == null ? null
                    : e.getThread("sampledThread").getJavaName());
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (!java) {
                if (frames.stream().noneMatch(f -> f.getMethod().getName().matches("accept0?|listen|poll|epollWait"))) {
                    nativeThreads.merge(thread, 1, Integer::sum);
                    nativeTop.merge(thread + "  " + caller(frames), 1, Integer::sum);
                }
                continue;
            }
            threads.merge(thread, 1, Integer::sum);
            if (thread.equals("main")) {
                continue;
            }
            samples++;
            top.merge(method(frames.get(0)), 1, Integer::sum);
            RecordedFrame own = frames.stream().filter(f -> !jdk(f)).findFirst().orElse(frames.get(0));
            firstOwn.merge(method(own), 1, Integer::sum);
            library.merge(library(own), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append("Samples per thread (Java: every ~10 ms while the thread runs Java code; native: every ~20 ms while"
                + " it is in native code, e.g. waiting on a socket; threads idle in accept/poll left out):\n");
        out.append(String.format("  %6s %6s  %s%n", "java", "native", "thread"));
        java.util.Set<String> names = new java.util.TreeSet<>(threads.keySet());
        names.addAll(nativeThreads.keySet());
        names.stream().sorted((a, b) -> Integer.compare(threads.getOrDefault(b, 0) + nativeThreads.getOrDefault(b, 0),
                        threads.getOrDefault(a, 0) + nativeThreads.getOrDefault(a, 0))).limit(lines)
                .forEach(n -> out.append(String.format("  %6d %6d  %s%n", threads.getOrDefault(n, 0),
                        nativeThreads.getOrDefault(n, 0), n)));
        out.append("\nJava samples of every thread but main (which only starts the JVM and Camel): ").append(samples)
                .append('\n');
        out.append(section("by top frame (self)", top, samples, lines));
        out.append(section("by first frame outside the JDK", firstOwn, samples, lines));
        out.append(section("by library of that frame", library, samples, lines));
        int nativeSamples = nativeThreads.values().stream().mapToInt(Integer::intValue).sum();
        out.append(section("native samples by thread and Java caller", nativeTop, nativeSamples, lines));
        out.append(String.format("%nGC: %d collections, %.0f ms of pauses%n", collections, gc.toNanos() / 1e6));
        return out.toString();
    }

    private static String section(String title, Map<String, Integer> counts, int total, int lines) {
        StringBuilder out = new StringBuilder("\n").append(title).append(":\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(lines)
                .forEach(e -> out.append(String.format("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getValue(), e.getKey())));
        return out.toString();
    }

    /** Quartz workers and pools are numbered: one name per kind of thread. */
    private static String threadName(String name) {
        return name == null ? "?" : name.replaceAll("[-_ #]?\\d+$", "").replaceAll("\\d+", "N");
    }

    private static String caller(List<RecordedFrame> frames) {
        return frames.stream().filter(f -> !f.getMethod().getType().getName().startsWith("sun.nio")
                        && !f.getMethod().getType().getName().startsWith("java."))
                .findFirst().map(JfrTop::method).orElse(method(frames.get(0)));
    }

    private static boolean jdk(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.");
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String library(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
    }
}
