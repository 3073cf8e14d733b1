package io.idra.demo;

import io.idra.demo.SchoolDatabase.Child;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Source and destination compared row by row, by key, on canonical texts: the two drivers return different Java
 * types, so each value becomes one text (NULL as {@code NULL}, timestamps always with six fraction digits) and a
 * row matches when its texts are equal.
 */
public record RowComparison(int sourceRows, int destinationRows, List<Long> missing, List<Long> extra,
                            List<String> different) {

    /** How many differences of each kind a report lists before it only counts them. */
    static final int SHOWN = 5;

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    public static RowComparison of(List<Child> source, List<Child> destination) {
        Map<Long, List<String>> left = byId(source);
        Map<Long, List<String>> right = byId(destination);
        List<Long> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        left.forEach((id, row) -> {
            List<String> other = right.get(id);
            if (other == null) {
                missing.add(id);
            } else if (!other.equals(row)) {
                different.add("id " + id + ": source " + row + ", destination " + other);
            }
        });
        List<Long> extra = right.keySet().stream().filter(id -> !left.containsKey(id)).toList();
        return new RowComparison(source.size(), destination.size(), missing, extra, different);
    }

    public boolean matches() {
        return missing.isEmpty() && extra.isEmpty() && different.isEmpty() && sourceRows == destinationRows;
    }

    /** {@code source and destination match: 342 rows}, or one line per kind of difference. */
    public List<String> report() {
        if (matches()) {
            return List.of("source and destination match: " + sourceRows + " rows");
        }
        List<String> lines = new ArrayList<>();
        lines.add("source and destination differ: source " + sourceRows + " rows, destination " + destinationRows
                + " rows");
        if (!missing.isEmpty()) {
            lines.add("  " + missing.size() + " rows missing at the destination, ids " + shown(missing));
        }
        if (!extra.isEmpty()) {
            lines.add("  " + extra.size() + " rows at the destination that the source does not have, ids "
                    + shown(extra));
        }
        if (!different.isEmpty()) {
            lines.add("  " + different.size() + " rows with different values:");
            different.stream().limit(SHOWN).forEach(line -> lines.add("    " + line));
            if (different.size() > SHOWN) {
                lines.add("    ...");
            }
        }
        return lines;
    }

    private static String shown(List<Long> ids) {
        String list = ids.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return ids.size() > SHOWN ? list + ", ..." : list;
    }

    private static Map<Long, List<String>> byId(List<Child> children) {
        Map<Long, List<String>> rows = new TreeMap<>();
        for (Child child : children) {
            rows.put(child.id(), canonical(child));
        }
        return rows;
    }

    static List<String> canonical(Child child) {
        return List.of(String.valueOf(child.id()), text(child.nome()), text(child.eta()), timestamp(child.ts()));
    }

    private static String text(Object value) {
        return value == null ? "NULL" : value.toString();
    }

    private static String timestamp(LocalDateTime ts) {
        return ts == null ? "NULL" : TS.format(ts);
    }
}
