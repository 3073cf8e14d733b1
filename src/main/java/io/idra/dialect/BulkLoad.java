package io.idra.dialect;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * How a sync writes a batch through a staging table instead of a JDBC batch ({@code idra.write.bulk}). Inside the
 * batch's transaction the rows are streamed into a temporary table of the connection with the driver's bulk path
 * (PostgreSQL {@code COPY FROM STDIN}, MySQL {@code LOAD DATA LOCAL INFILE}), then one {@code INSERT ... SELECT} with
 * the conflict handling of the JDBC statement moves them into the destination, and the staging table is left empty
 * (or gone) by the time the transaction ends, committed or rolled back. Made at plan time by
 * {@link BulkWrites#load}, for columns whose values the text carries exactly ({@link BulkWrites#refusal}).
 */
public abstract class BulkLoad {

    /** After a direct load met a key the destination has, batches go through the staging table this many times. */
    public static final int STAGED_AFTER_CONFLICT = 16;

    private final List<String> prepare;
    private final String load;
    private final String merge;
    private final List<String> finish;
    private final String direct;
    private final FieldEncoder[] encoders;
    /** Batches still to go through the staging table, without trying a direct load, after one met a present key. */
    private final AtomicInteger stagedToGo = new AtomicInteger();

    /**
     * @param prepare  run before each load: creates the staging table when the connection does not have it yet
     * @param load     the bulk statement that reads the text into the staging table
     * @param merge    moves the staging rows into the destination
     * @param finish   run after the merge, inside the transaction
     * @param direct   the bulk statement that reads the text straight into the destination, or null
     * @param encoders one per column, in row order
     */
    BulkLoad(List<String> prepare, String load, String merge, List<String> finish, String direct,
             FieldEncoder[] encoders) {
        this.prepare = List.copyOf(prepare);
        this.load = load;
        this.merge = merge;
        this.finish = List.copyOf(finish);
        this.direct = direct;
        this.encoders = encoders.clone();
    }

    /**
     * Loads a batch none of whose keys the destination has yet (a table catching up) straight into the destination:
     * Insert and Upsert both just insert its rows, so no staging table is needed. When the load cannot be taken
     * exactly as it is (a key already there, which Insert must skip and Upsert update, or anything the server only
     * warned about) the transaction is rolled back and the caller writes the batch through the staging table
     * ({@link #writeStaged}), which does what the save mode says and reports real errors; so do the next
     * {@link #STAGED_AFTER_CONFLICT} batches, without trying. The caller commits.
     *
     * @param values the values of row i as the destination takes them (checked and converted); may throw for a value
     *               that does not fit, which then fails the batch
     * @return whether the rows are in the destination, uncommitted; false: nothing of them is
     */
    public final boolean loadedDirectly(Connection c, int rows, IntFunction<Object[]> values) throws SQLException {
        if (direct == null || stagedToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return false;
        }
        SQLException problem = null;
        try (Statement s = c.createStatement()) {
            if (loadChecked(s, direct, rows, values) == rows) {
                return true;
            }
        } catch (SQLException e) {
            // not reported: the staging path meets the same problem, if it is one, and says so
            problem = e;
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone: the load's own error says why
            if (problem == null) {
                throw e;
            }
            problem.addSuppressed(e);
            throw problem;
        }
        stagedToGo.set(STAGED_AFTER_CONFLICT);
        return false;
    }

    /**
     * Writes {@code rows} rows through the staging table in the connection's current transaction; the caller commits,
     * or rolls back when this throws.
     *
     * @param values as for {@link #loadedDirectly}
     */
    public final void writeStaged(Connection c, int rows, IntFunction<Object[]> values) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : prepare) {
                s.execute(sql);
            }
            long loaded = loadChecked(s, load, rows, values);
            if (loaded != rows) {
                throw new SQLException("the staging table received " + loaded + " of the batch's " + rows + " rows");
            }
            s.executeUpdate(merge);
            for (String sql : finish) {
                s.execute(sql);
            }
        }
    }

    /** Loads the text of the rows with {@code sql}; a value that fails its checks fails the batch. */
    private long loadChecked(Statement s, String sql, int rows, IntFunction<Object[]> values) throws SQLException {
        RowText text = new RowText(rows, values, encoders);
        long loaded;
        try {
            loaded = load(s, sql, text);
        } catch (SQLException | RuntimeException e) {
            // a value that failed its checks ended the stream early; that, not its consequence, is the error
            if (text.failure() == null) {
                throw e;
            }
            text.failure().addSuppressed(e);
            throw text.failure();
        }
        if (text.failure() != null) {
            throw text.failure();
        }
        return loaded;
    }

    /**
     * Why this connection's server cannot take the load (the staging table cannot be created, a server setting), or
     * null. Leaves the connection's transaction for the caller to roll back.
     */
    public String unavailable(Connection c) {
        try (Statement s = c.createStatement()) {
            for (String sql : prepare) {
                s.execute(sql);
            }
            return null;
        } catch (SQLException e) {
            return "cannot create the staging table: " + firstLine(e);
        }
    }

    /** The first line of a driver's message, for a one-line reason. */
    static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    }

    /** Streams {@code text} into the staging table with {@code sql}; returns how many rows the server stored. */
    protected abstract long load(Statement s, String sql, InputStream text) throws SQLException;

    public List<String> prepareSql() {
        return prepare;
    }

    public String loadSql() {
        return load;
    }

    public String mergeSql() {
        return merge;
    }

    public List<String> finishSql() {
        return finish;
    }

    /** The load straight into the destination, or null. */
    public String directSql() {
        return direct;
    }

    /**
     * A staging table name of its own for each sync and shape of the destination: temporary tables live as long as the
     * pooled connection, which other syncs use too, and a plan made after the table changed must not find the old
     * shape. Short enough for both engines' identifiers.
     */
    static String stagingName(String seed, Identifier table, List<TableInfo.Column> targets) {
        StringBuilder shape = new StringBuilder(seed).append('\n').append(table);
        for (TableInfo.Column column : targets) {
            shape.append('\n').append(column.name()).append(' ').append(column.typeName()).append('(')
                    .append(column.precision()).append(',').append(column.scale()).append(')');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return "idra_stage_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
