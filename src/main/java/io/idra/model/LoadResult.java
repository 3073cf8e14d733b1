package io.idra.model;

import java.util.List;

/**
 * What reading one sync file yielded.
 *
 * @param syncs    the records without any error, in file order; a broken record never hides the valid ones
 * @param errors   everything that made a record (or the whole file) unusable
 * @param warnings things accepted as they are or adjusted (an unknown key, a capped batch size), one line each
 */
public record LoadResult(List<Sync> syncs, List<Problem> errors, List<String> warnings) {

    public LoadResult {
        syncs = List.copyOf(syncs);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the file has no error (it may still have warnings). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
