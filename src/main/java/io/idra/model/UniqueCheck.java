package io.idra.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds syncs that repeat the sync_name or the id of an earlier one: the later one of each pair is at fault. */
final class UniqueCheck {

    /**
     * One sync to compare.
     *
     * @param label how problems name it
     * @param name  its valid sync_name, if any
     * @param id    the id it states, if any
     * @param file  the file it comes from when syncs of several files are compared, else ""
     */
    record Entry(String label, Optional<String> name, Optional<String> id, String file) {
    }

    /** @param index the position of the later entry in the list checked */
    record Duplicate(int index, Problem problem) {
    }

    private UniqueCheck() {
    }

    static List<Duplicate> check(List<Entry> entries) {
        // Names are compared ignoring case: a name becomes a file name, and "A" and "a" are one file on macOS.
        Map<String, Entry> firstNames = new HashMap<>();
        Map<String, Entry> firstIds = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.name().isPresent()) {
                String name = entry.name().get();
                Entry first = firstNames.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
                if (first != null) {
                    String firstName = first.name().orElseThrow();
                    String sameName = firstName.equals(name)
                            ? "" : " as '" + firstName + "' (names are compared ignoring case)";
                    duplicates.add(new Duplicate(i, problem(entry, "sync_name",
                            "expected a unique name, already used by an earlier sync" + in(first) + sameName)));
                }
            }
            if (entry.id().isPresent()) {
                Entry first = firstIds.putIfAbsent(entry.id().get(), entry);
                if (first != null) {
                    duplicates.add(new Duplicate(i, problem(entry, "id", "expected a unique id, \"" + entry.id().get()
                            + "\" is already used by sync '" + first.label() + "'" + in(first))));
                }
            }
        }
        return duplicates;
    }

    /** Across files, where the earlier sync is: the user may not know that two files name the same sync. */
    private static String in(Entry first) {
        return first.file().isEmpty() ? "" : " in " + first.file();
    }

    private static Problem problem(Entry entry, String path, String message) {
        return new Problem(Issues.oneLine(entry.label()), path, Issues.oneLine(message));
    }
}
