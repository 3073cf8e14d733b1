package io.idra.app;

import io.idra.route.SyncCatalog;
import io.idra.route.SyncRuntime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code run --once}: waits until every sync has ended one tick and keeps what each one reported. */
public final class OnceRun implements SyncCatalog.TickListener {

    private final CountDownLatch remaining;
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, Long> rows = new ConcurrentHashMap<>();

    public OnceRun(int syncs) {
        this.remaining = new CountDownLatch(syncs);
    }

    @Override
    public void tickEnded(SyncRuntime sync, long copied, String error) {
        rows.merge(sync.sync().name(), copied, Long::sum);
        if (error != null) {
            errors.put(sync.sync().name(), error);
        }
        remaining.countDown();
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return remaining.await(timeout, unit);
    }

    /** One line per failed sync, sorted by sync name. */
    public List<String> errors() {
        return errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** The error line of a sync whose tick failed, or null. */
    public String error(String syncName) {
        return errors.get(syncName);
    }

    public long rows(String syncName) {
        return rows.getOrDefault(syncName, 0L);
    }
}
