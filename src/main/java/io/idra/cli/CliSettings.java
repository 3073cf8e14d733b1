package io.idra.cli;

import io.idra.app.IdraApplication;
import io.idra.app.Settings;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The settings {@code run} would use, for commands that open the state store without running Camel Main. They are
 * resolved by Camel's own properties component, not re-implemented, so every override works as it does for
 * {@code run}: an environment variable ({@code IDRA_STATE_URL}) wins over {@code -Didra.state.url}, which wins
 * over config/application.properties, and placeholders such as {@code {{env:STATE_PASSWORD}}} are resolved.
 */
final class CliSettings {

    private CliSettings() {
    }

    static Settings load() {
        // never started, so there is nothing to stop: it only lends its properties component
        PropertiesComponent properties = new DefaultCamelContext(false).getPropertiesComponent();
        properties.setLocation(IdraApplication.PROPERTIES);
        return Settings.from(properties);
    }
}
