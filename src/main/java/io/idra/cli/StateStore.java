package io.idra.cli;

import io.idra.app.Settings;
import io.idra.connect.Pools;
import io.idra.state.OffsetStore;
import io.idra.state.StatusStore;
import org.apache.camel.support.service.ServiceHelper;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The state store of {@code run} ({@code idra.state.url}), opened for one command. The default H2 file is opened
 * with AUTO_SERVER, so a command works while {@code run} holds the file.
 */
final class StateStore implements AutoCloseable {

    private final Pools pools = new Pools(1);
    private final OffsetStore offsets;
    private final StatusStore status;

    private StateStore(Settings settings) {
        ServiceHelper.startService(pools);
        // a store that cannot be opened leaves no pool behind: Pools keeps only the pools it could create
        DataSource dataSource = pools.state(settings.stateUrl(), settings.stateUser(), settings.statePassword());
        offsets = new OffsetStore(dataSource);
        status = new StatusStore(dataSource);
    }

    static StateStore open() throws SQLException {
        StateStore store = new StateStore(CliSettings.load());
        try {
            // both tables are created as run creates them, so a command may come first
            store.offsets.init();
            store.status.init();
            return store;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    OffsetStore offsets() {
        return offsets;
    }

    /** The rows the running program writes: what the status command shows. */
    StatusStore status() {
        return status;
    }

    @Override
    public void close() {
        ServiceHelper.stopService(pools);
    }
}
