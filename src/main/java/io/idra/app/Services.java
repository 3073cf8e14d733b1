package io.idra.app;

import io.idra.connect.ConnectionStrings;
import io.idra.connect.JdbcTarget;
import io.idra.connect.Pools;
import io.idra.dialect.Dialect;
import io.idra.dialect.Dialects;
import io.idra.model.Connector;
import io.idra.model.Sync;
import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;
import io.idra.state.OffsetStore;

/**
 * What every sync of the program shares: settings, connection pools, the offset store and the catalog; and how a
 * validated sync record becomes a {@link SyncRuntime}.
 */
public record Services(Settings settings, Pools pools, OffsetStore offsets, SyncCatalog catalog, boolean once) {

    public SyncRuntime runtime(Sync sync) {
        Dialect source = Dialects.of(sync.source().type());
        Dialect destination = Dialects.of(sync.destination().type());
        JdbcTarget sourceTarget = target(sync.source());
        JdbcTarget destinationTarget = target(sync.destination());
        return new SyncRuntime(sync, source, destination, sourceTarget, destinationTarget,
                pools.get(sourceTarget, Pools.Role.SOURCE, source.sourceProperties(), source.sourceAutocommit(),
                        source.sessionInitSql(sourceTarget.timeZone())),
                pools.get(destinationTarget, Pools.Role.DESTINATION,
                        destination.destinationProperties(settings.bulkWrites()), false,
                        destination.sessionInitSql(destinationTarget.timeZone())),
                offsets, once, settings.bulkWrites(), settings.parallelLoads());
    }

    private static JdbcTarget target(Connector connector) {
        return ConnectionStrings.parse(connector.type(), connector.connectionString(), connector.database());
    }
}
