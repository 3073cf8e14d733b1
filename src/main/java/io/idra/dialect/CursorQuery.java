package io.idra.dialect;

import java.util.List;

/** A statement together with its bound parameters in placeholder order, so the two can never drift apart. */
public record CursorQuery(String sql, List<Object> params) {

    public CursorQuery {
        params = List.copyOf(params);
    }
}
