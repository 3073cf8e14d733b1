package io.idra.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The program's health as a load balancer or an orchestrator asks for it. UP while every enabled sync's last tick
 * succeeded, or it has been failing (and retrying with backoff) for less than the limit; DOWN, listing the syncs
 * past it, otherwise. A sync whose route an operator stopped is not a failure: it is listed, but keeps the program
 * UP (restarting the program would not help it, and a paused sync is a decision, not a fault).
 */
final class Health {

    /** @param json the body: {@code {"status":"UP"|"DOWN","syncs":n,"failing":[...],"retrying":[...]}} */
    record Verdict(boolean up, String json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context;
    private final WatchedSyncs syncs;
    private final Duration limit;

    Health(CamelContext context, WatchedSyncs syncs, Duration limit) {
        this.context = context;
        this.syncs = syncs;
        this.limit = limit;
    }

    Verdict check() {
        Instant now = Instant.now();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode failing = JSON.createArrayNode();
        ArrayNode retrying = JSON.createArrayNode();
        ArrayNode stopped = JSON.createArrayNode();
        int enabled = 0;
        for (WatchedSyncs.Watched sync : syncs.all().stream()
                .sorted(Comparator.comparing(WatchedSyncs.Watched::name)).toList()) {
            if (sync.runtime().sync().disabled()) {
                continue;
            }
            enabled++;
            ServiceStatus route = context.getRouteController().getRouteStatus(sync.runtime().sync().routeId());
            if (route != ServiceStatus.Started) {
                stopped.addObject().put("sync", sync.name()).put("route", String.valueOf(route));
                continue;
            }
            SyncStatus status = sync.runtime().status();
            Instant since = status.failingSince();
            if (status.state() != SyncStatus.State.FAILED || since == null) {
                continue;
            }
            Duration failingFor = Duration.between(since, now);
            (failingFor.compareTo(limit) >= 0 ? failing : retrying).addObject()
                    .put("sync", sync.name())
                    .put("failingSince", since.toString())
                    .put("failingForSeconds", failingFor.toSeconds())
                    .put("lastError", Secrets.of(sync.runtime().sync()).mask(status.lastError()));
        }
        boolean up = failing.isEmpty();
        body.put("status", up ? "UP" : "DOWN");
        body.put("syncs", enabled);
        body.put("failingLimitSeconds", limit.toSeconds());
        body.set("failing", failing);
        body.set("retrying", retrying);
        body.set("stopped", stopped);
        return new Verdict(up, body.toString());
    }
}
