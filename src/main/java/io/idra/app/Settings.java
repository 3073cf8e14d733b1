package io.idra.app;

import org.apache.camel.spi.PropertiesComponent;

/**
 * The program's own settings from config/application.properties, overridable like every Camel Main property by
 * {@code -Dkey=value} or an environment variable ({@code IDRA_STATE_URL} for {@code idra.state.url}).
 */
public record Settings(String stateUrl, String stateUser, String statePassword, int poolMaxSize, int fetchSizeCap,
                       boolean routesReload, String routesDirectory, boolean bulkWrites,
                       int parallelLoads) {

    public static final String DEFAULT_STATE_URL = "jdbc:h2:file:./data/idra-state;AUTO_SERVER=TRUE";

    public static Settings from(PropertiesComponent properties) {
        return new Settings(
                properties.resolveProperty("idra.state.url").orElse(DEFAULT_STATE_URL),
                properties.resolveProperty("idra.state.user").orElse("sa"),
                properties.resolveProperty("idra.state.password").orElse(""),
                Integer.parseInt(properties.resolveProperty("idra.pool.max-size").orElse("4")),
                Integer.parseInt(properties.resolveProperty("idra.source.fetch-size").orElse("10000")),
                Boolean.parseBoolean(properties.resolveProperty("idra.routes.reload-enabled").orElse("false")),
                properties.resolveProperty("idra.routes.directory").orElse("routes"),
                Boolean.parseBoolean(properties.resolveProperty("idra.write.bulk").orElse("true")),
                positive(properties, "idra.write.parallel-loads", "2"));
    }

    /** A whole number of 1 or more, else a one-line error naming the setting. */
    private static int positive(PropertiesComponent properties, String key, String fallback) {
        String text = properties.resolveProperty(key).orElse(fallback).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException("setting " + key + ": expected a whole number of 1 or more, got '" + text
                + "'");
    }

    @Override
    public String toString() {
        return "Settings[stateUrl=" + stateUrl + ", stateUser=" + stateUser + ", poolMaxSize=" + poolMaxSize + "]";
    }
}
