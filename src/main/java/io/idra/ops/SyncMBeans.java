package io.idra.ops;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Hashtable;

/**
 * Registers one {@link SyncMXBean} per sync route on the platform MBean server, as
 * {@code io.idra:type=sync,name=<sync_name>}: named after the sync alone, so it is the same on every node and after
 * every restart (dashboards and scripts keep working).
 */
final class SyncMBeans implements WatchedSyncs.Listener {

    static final String DOMAIN = "io.idra";
    private static final Logger LOG = LoggerFactory.getLogger(SyncMBeans.class);

    private final CamelContext context;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    SyncMBeans(CamelContext context) {
        this.context = context;
    }

    /** The ObjectName of a sync's MBean; the name is quoted only when it holds a character ObjectName reserves. */
    static ObjectName objectName(String syncName) {
        Hashtable<String, String> keys = new Hashtable<>();
        keys.put("type", "sync");
        keys.put("name", syncName.matches(".*[,=:\"*?\\\\\\n].*") ? ObjectName.quote(syncName) : syncName);
        try {
            return new ObjectName(DOMAIN, keys);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("sync name '" + syncName + "' cannot name an MBean", e);
        }
    }

    @Override
    public void added(WatchedSyncs.Watched sync) {
        ObjectName name = objectName(sync.name());
        try {
            // a route replaced by a reload, or a program stopped without a clean shutdown in this JVM (tests)
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new SyncControl(sync.runtime(), context, sync.position()), name);
        } catch (JMException e) {
            LOG.warn("sync '{}': MBean {} not registered: {}", sync.name(), name, e.getMessage());
        }
    }

    @Override
    public void removed(WatchedSyncs.Watched sync) {
        ObjectName name = objectName(sync.name());
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // already gone: a replacement registered under the same name was unregistered first
        } catch (JMException e) {
            LOG.warn("sync '{}': MBean {} not unregistered: {}", sync.name(), name, e.getMessage());
        }
    }
}
