package io.idra.ops;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code /metrics} (Prometheus text format) and {@code /health} over HTTP, on the Prometheus client's server (the
 * JDK's HttpServer: no web framework in the jar). Bound to 127.0.0.1 unless {@code idra.http.host} says otherwise:
 * the metrics name syncs and tables, which is not for every network to read.
 */
final class OpsHttp extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final OpsSettings settings;
    private final PrometheusRegistry registry;
    private final Health health;
    private HTTPServer server;

    OpsHttp(OpsSettings settings, PrometheusRegistry registry, Health health) {
        this.settings = settings;
        this.registry = registry;
        this.health = health;
    }

    @Override
    protected void doStart() throws Exception {
        try {
            server = HTTPServer.builder()
                    .inetAddress(InetAddress.getByName(settings.httpHost()))
                    .port(settings.httpPort())
                    .registry(registry)
                    .registerHealthHandler(false)
                    // every path but /metrics comes here: the JDK server routes by longest prefix, "/" is the rest
                    .defaultHandler(this::handle)
                    .buildAndStart();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + settings.httpHost() + ":" + settings.httpPort()
                    + " (idra.http.host, idra.http.port): " + e.getMessage(), e);
        }
        LOG.info("metrics on http://{}:{}/metrics, health on /health", settings.httpHost(), server.getPort());
    }

    @Override
    protected void doStop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/health")) {
                Health.Verdict verdict = health.check();
                respond(exchange, verdict.up() ? 200 : 503, "application/json", verdict.json());
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found; try /metrics or /health\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
