package io.idra.it;

import io.idra.model.Mode;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A record that keeps its id but changes its mode must not compare its old offset with other columns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffsetMismatchTest {

    private Databases dbs;

    @BeforeAll
    void databases() {
        dbs = new Databases("mismatch");
    }

    @AfterAll
    void drop() {
        dbs.close();
    }

    @Test
    void anOffsetOfAnotherModeIsRefusedWithWhatToDo(@TempDir Path dir) {
        TestDatabase source = dbs.source(Direction.PG_TO_PG);
        TestDatabase destination = dbs.destination(Direction.PG_TO_PG);
        SampleTable.create(source, "moved");
        SampleTable.create(destination, "moved");
        SampleTable.insert(source, "moved", 1, 10, SampleTable.BASE);
        SyncRunner runner = new SyncRunner(dir);
        SyncJson byId = SyncJson.sync("moved", Mode.ID_FIELD, source, destination).table("moved").timestamp("ts");
        assertThat(runner.onceOk(byId)).isEqualTo(10);

        var run = runner.once(byId.mode(Mode.TIMESTAMP));
        assertThat(run.error("moved")).isEqualTo("sync 'moved': mode: the stored offset > 10 does not fit the cursor"
                + " [ts, id] (was the mode or the key changed?): reset it with 'idra offsets reset moved', or give the"
                + " record a new id");
    }
}
