package io.idra.ops;

import io.idra.connect.ConnectionStringMask;
import io.idra.connect.ConnectionStrings;
import io.idra.connect.JdbcTarget;
import io.idra.model.Connector;
import io.idra.model.Sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The passwords of a sync's two connection strings, masked wherever a text made at run time is shown (JMX, the
 * status table, /health). Error lines are built without connection strings, but a driver's message is its own
 * words: masking the known secrets keeps a password out even if one ever quotes it.
 */
final class Secrets {

    private final List<String> secrets;

    private Secrets(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    static Secrets of(Sync sync) {
        List<String> secrets = new ArrayList<>();
        collect(sync.source(), secrets);
        collect(sync.destination(), secrets);
        return new Secrets(secrets);
    }

    private static void collect(Connector connector, List<String> secrets) {
        JdbcTarget target = ConnectionStrings.parse(connector.type(), connector.connectionString(),
                connector.database());
        if (target.hasPassword()) {
            secrets.add(target.password());
        }
        target.properties().forEach((key, value) -> {
            if (JdbcTarget.isSecretProperty(key) && value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        });
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, ConnectionStringMask.MASK);
        }
        return masked;
    }
}
