package io.idra.state;

import io.idra.cursor.Offset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offset store on an H2 file, as two processes (two stores) see it. */
class OffsetStoreTest {

    private static OffsetStore store(Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("state") + ";AUTO_SERVER=TRUE");
        h2.setUser("sa");
        OffsetStore store = new OffsetStore(h2);
        store.init();
        return store;
    }

    @Test
    void readsWhatAnotherProcessSavedEvenWhenItsOwnReadDidNotChange(@TempDir Path dir) throws Exception {
        OffsetStore mine = store(dir);
        OffsetStore other = store(dir);
        Offset first = new Offset(List.of(LocalDateTime.parse("2024-05-01T10:00:00.123456"), 7L), false);
        mine.save("id-1", "s", first);
        assertThat(mine.load("id-1")).contains(first);
        assertThat(mine.load("id-1")).contains(first);

        Offset moved = new Offset(List.of(LocalDateTime.parse("2024-05-01T10:00:00.123457"), 3L), false);
        other.save("id-1", "s", moved);
        assertThat(mine.load("id-1")).contains(moved);

        other.save("id-2", "t", new Offset(List.of(new BigDecimal("12.50")), true));
        assertThat(mine.load("id-2")).contains(new Offset(List.of(new BigDecimal("12.50")), true));
        assertThat(other.delete("id-1")).isTrue();
        assertThat(mine.load("id-1")).isEmpty();
    }
}
