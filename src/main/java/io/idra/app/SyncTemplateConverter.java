package io.idra.app;

import io.idra.model.LoadResult;
import io.idra.model.Sync;
import io.idra.model.SyncParameters;
import io.idra.model.SyncReader;
import io.idra.route.CursorParameters;
import io.idra.route.RowArrays;
import io.idra.route.SyncRouteTemplate;
import io.idra.route.SyncRuntime;
import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the parameters of an {@code idra-sync} templated route (from a YAML file in routes/ or from a JSON record)
 * into a running sync: the parameters are the record's fields by JSON path, read by the same {@link SyncReader} as
 * a JSON file, so a mistake gets the same message; then the sync's runtime joins the catalog and the template's
 * own parameters (interval, batch size, bean names) are derived from the record. Camel calls this before it
 * resolves the template's placeholders, for every route made from the template, including on reload.
 */
final class SyncTemplateConverter implements RouteTemplateDefinition.Converter {

    private static final Logger LOG = LoggerFactory.getLogger("io.idra.sync");

    private final CamelContext context;
    private final Services services;

    SyncTemplateConverter(CamelContext context, Services services) {
        this.context = context;
        this.services = services;
    }

    @Override
    public RouteDefinition apply(RouteTemplateDefinition template, Map<String, Object> parameters) {
        Map<String, Object> record = new HashMap<>();
        parameters.forEach((key, value) -> {
            // Camel adds camelCase and dashed copies of every key; the record's own keys use underscores
            if (!key.contains("-") && !SyncRouteTemplate.PARAMETERS.contains(key)) {
                // values may name secrets as {{env:PG_PASSWORD}} or other Camel property placeholders
                record.put(key, value == null ? null : context.resolvePropertyPlaceholders(value.toString()));
            }
        });
        String label = "route of sync " + parameters.getOrDefault("sync_name", "?");
        LoadResult result = SyncReader.read(SyncParameters.toJson(record), label);
        if (!result.ok()) {
            throw new IllegalArgumentException(result.errors().stream().map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
        result.warnings().forEach(w -> LOG.warn("{}", w));
        Sync sync = result.syncs().get(0);
        SyncRuntime runtime = services.runtime(sync);
        services.catalog().add(runtime);

        String sourceBean = "idra-source-" + sync.name();
        String rowsBean = "idra-rows-" + sync.name();
        context.getRegistry().bind(sourceBean, DataSource.class, runtime.sourcePool());
        context.getRegistry().bind(rowsBean, new RowArrays(runtime));
        context.getRegistry().bind(CursorParameters.BEAN, new CursorParameters());
        parameters.put("pollingMillis", String.valueOf(sync.pollingSeconds() * 1000L));
        parameters.put("repeatCount", services.once() ? "0" : "-1");
        parameters.put("batchSize", String.valueOf(sync.batchSize()));
        parameters.put("fetchSize", String.valueOf(
                runtime.sourceDialect().fetchSize(Math.min(sync.batchSize(), services.settings().fetchSizeCap()))));
        parameters.put("sourceDataSource", sourceBean);
        parameters.put("rowMapperFactory", rowsBean);

        RouteDefinition route = template.asRouteDefinition();
        // a YAML templatedRoute without routeId must still be named after its sync (the catalog's key)
        route.routeId(sync.routeId());
        if (sync.disabled()) {
            // validated and visible (JMX, status), but not scheduled
            route.autoStartup(false);
        }
        return route;
    }
}
