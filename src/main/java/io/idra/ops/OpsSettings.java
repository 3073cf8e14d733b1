package io.idra.ops;

import org.apache.camel.spi.PropertiesComponent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Settings of the operations side, from config/application.properties (overridable by -D and environment
 * variables like every Camel Main property).
 *
 * @param httpEnabled    serve /metrics and /health ({@code idra.http.enabled}, default false)
 * @param httpHost       address to bind ({@code idra.http.host}, default 127.0.0.1: metrics name tables and hosts)
 * @param httpPort       {@code idra.http.port}, default 8686
 * @param failingLimit   how long a sync may keep failing (and retrying) before /health says DOWN
 *                       ({@code idra.health.failing-limit-seconds}, default 300: the longest backoff, so a DOWN sync
 *                       has had several retries)
 * @param node           this process's name in the status table ({@code idra.node.name}, default the host name)
 */
public record OpsSettings(boolean httpEnabled, String httpHost, int httpPort, Duration failingLimit, String node) {

    public static OpsSettings from(PropertiesComponent properties) {
        return new OpsSettings(
                Boolean.parseBoolean(properties.resolveProperty("idra.http.enabled").orElse("false")),
                properties.resolveProperty("idra.http.host").orElse("127.0.0.1"),
                Integer.parseInt(properties.resolveProperty("idra.http.port").orElse("8686")),
                Duration.ofSeconds(Long.parseLong(
                        properties.resolveProperty("idra.health.failing-limit-seconds").orElse("300"))),
                properties.resolveProperty("idra.node.name").filter(n -> !n.isBlank()).orElseGet(OpsSettings::hostName));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
