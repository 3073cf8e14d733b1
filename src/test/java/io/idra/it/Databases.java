package io.idra.it;

import io.idra.model.ConnectorType;
import io.idra.testdb.TestDatabase;
import io.idra.testdb.TestServers;

/** A source and a destination database on each engine for one test class; dropped by close(). */
public final class Databases implements AutoCloseable {

    private final TestDatabase pgSource;
    private final TestDatabase pgDestination;
    private final TestDatabase mySource;
    private final TestDatabase myDestination;

    public Databases(String prefix) {
        pgSource = TestServers.postgres().createDatabase(prefix + "_src");
        pgDestination = TestServers.postgres().createDatabase(prefix + "_dst");
        mySource = TestServers.mysql().createDatabase(prefix + "_src");
        myDestination = TestServers.mysql().createDatabase(prefix + "_dst");
    }

    public TestDatabase source(Direction direction) {
        return direction.source == ConnectorType.POSTGRES ? pgSource : mySource;
    }

    public TestDatabase destination(Direction direction) {
        return direction.destination == ConnectorType.POSTGRES ? pgDestination : myDestination;
    }

    @Override
    public void close() {
        pgSource.close();
        pgDestination.close();
        mySource.close();
        myDestination.close();
    }
}
