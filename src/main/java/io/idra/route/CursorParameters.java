package io.idra.route;

import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Binds the source query's parameters, which {@link OffsetReader} puts in camel-sql's parameter header: exactly the
 * offset's values, none for a sync that starts from the first row. camel-sql would otherwise learn how many the
 * statement has from the driver's parameter metadata, which costs pgjdbc a server round trip at every tick; the
 * route sets {@code parametersCount} so that it does not ask, and this strategy binds what the header holds.
 */
public final class CursorParameters extends DefaultSqlPrepareStatementStrategy {

    /** The bean name the route template refers to. */
    public static final String BEAN = "idra-cursor-parameters";

    @Override
    public void populateStatement(PreparedStatement ps, Iterator<?> iterator, int expectedParams) throws SQLException {
        List<Object> values = new ArrayList<>();
        while (iterator != null && iterator.hasNext()) {
            values.add(iterator.next());
        }
        if (!values.isEmpty()) {
            super.populateStatement(ps, values.iterator(), values.size());
        }
    }
}
