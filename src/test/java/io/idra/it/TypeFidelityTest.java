package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type case of {@link TypeCases} (docs/TYPES.md), min and max values, text with emoji, quotes and
 * backslashes, empty text and NULL in every column, copied in all four directions into the natural destination
 * type, value by value equal to the source by that type's equality. Each connection string names another time
 * zone, so every date-time crosses zones on its way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeFidelityTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("types");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    void everyValueArrivesAsItWas(Direction direction, @TempDir Path dir) {
        TestDatabase source = dbs.source(direction);
        TestDatabase destination = dbs.destination(direction);
        String table = ("tf_" + direction).toLowerCase(Locale.ROOT);
        TypeCases.create(source, table);
        TypeCases.create(destination, table);
        TypeCases.insert(source, table);

        new SyncRunner(dir).onceOk(sync(table, direction, source, destination));

        assertThat(TypeCases.differences(source, sourceZone(direction), destination, destinationZone(direction),
                table)).isEmpty();
    }

    static SyncJson sync(String table, Direction direction, TestDatabase source, TestDatabase destination) {
        return SyncJson.sync(table, Mode.FULL_WITH_ID, source, destination).table(table).batch(3)
                .sourceConnection(TypeCases.connectionString(source, sourceZone(direction)))
                .destinationConnection(TypeCases.connectionString(destination, destinationZone(direction)));
    }

    static ZoneId sourceZone(Direction direction) {
        return direction.source == ConnectorType.POSTGRES ? TypeCases.PG_SOURCE_ZONE : TypeCases.MYSQL_SOURCE_ZONE;
    }

    static ZoneId destinationZone(Direction direction) {
        return direction.destination == ConnectorType.POSTGRES ? TypeCases.PG_DESTINATION_ZONE
                : TypeCases.MYSQL_DESTINATION_ZONE;
    }
}
