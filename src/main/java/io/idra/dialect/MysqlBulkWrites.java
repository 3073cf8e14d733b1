package io.idra.dialect;

import io.idra.dialect.ColumnType.Kind;
import io.idra.model.SaveMode;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** MySQL/MariaDB in bulk loads: its values as a source, and LOAD DATA into a text staging table as a destination. */
final class MysqlBulkWrites extends BulkWrites {

    private final MysqlDialect dialect;

    MysqlBulkWrites(MysqlDialect dialect) {
        this.dialect = dialect;
    }

    /** ENUM and SET report CHAR; anything else the catalog does not name is read as the driver likes. */
    @Override
    Kind valueKind(TableInfo.Column column) {
        Kind kind = MysqlTypes.fromMetadata(column).kind();
        if (kind != Kind.OTHER) {
            return kind;
        }
        int type = column.jdbcType();
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR ? Kind.OTHER : null;
    }

    /**
     * Connector/J sends strings, dates and the date-times and times that {@link MysqlDialect#bindable} turns into
     * text as quoted text, which the INSERT ... SELECT converts as it converts the staged text; a decimal's text
     * becomes the same integer as its number does (rounded half away from zero, range checked). Byte columns are
     * staged as hex, which only strings and bytes have; flag columns (TINYINT(1), BIT(1)) take booleans only.
     */
    @Override
    boolean carries(Kind from, Kind to) {
        Family f = family(from);
        Family t = family(to);
        if (t == Family.BINARY || t == Family.BOOLEAN) {
            return f == t || f == Family.TEXT && t == Family.BINARY;
        }
        return f == Family.TEXT || f == Family.DATE || f == Family.TIME || f == Family.TIMESTAMP
                || f == Family.TIMESTAMPTZ || f == Family.DECIMAL && t == Family.INTEGER || super.carries(from, to);
    }

    @Override
    public BulkLoad load(Identifier table, List<TableInfo.Column> targets, List<String> keyColumns, SaveMode mode,
                         List<String> textCompared, String seed) {
        List<String> parts = new ArrayList<>();
        if (table.qualifier() != null) {
            parts.add(table.qualifier());
        }
        parts.add(BulkLoad.stagingName(seed, table, targets));
        String staging = dialect.quote(new Identifier(parts));
        List<String> columns = targets.stream().map(TableInfo.Column::name).toList();
        List<String> quoted = columns.stream().map(dialect::quoteColumn).toList();
        List<MysqlText.Staged> staged = targets.stream().map(t -> MysqlText.staged(valueKind(t))).toList();
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            selected.add(staged.get(i).select("idra_stage." + quoted.get(i)));
        }
        String create = "CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " ("
                + quoted.stream().map(c -> c + " LONGTEXT").collect(Collectors.joining(", "))
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
        // the default field and line format: tab, newline, backslash escapes and \N, as TextBuffer writes them
        String load = "LOAD DATA LOCAL INFILE 'stream' INTO TABLE " + staging + " CHARACTER SET utf8mb4 ("
                + String.join(", ", quoted) + ")";
        String merge = "INSERT INTO " + dialect.quote(table) + " (" + String.join(", ", quoted) + ") SELECT "
                + String.join(", ", selected) + " FROM " + staging + " AS idra_stage ON DUPLICATE KEY UPDATE "
                + update(table, columns, selected, keyColumns, mode);
        return new MysqlBulkLoad(create, load, merge, "DROP TEMPORARY TABLE " + staging,
                direct(table, quoted, staged),
                staged.stream().map(s -> s.encoder).toArray(FieldEncoder[]::new));
    }

    /**
     * LOAD DATA straight into the destination, bytes and flags through user variables. With LOCAL the server
     * skips a present key and turns conversion errors into warnings; {@link MysqlBulkLoad} fails the load on any
     * warning, and the batch then goes through the staging table (BulkLoad#write).
     */
    private String direct(Identifier table, List<String> quoted, List<MysqlText.Staged> staged) {
        List<String> fields = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (int i = 0; i < quoted.size(); i++) {
            if (staged.get(i) == MysqlText.Staged.TEXT) {
                fields.add(quoted.get(i));
            } else {
                fields.add("@idra_" + i);
                set.add(quoted.get(i) + " = " + staged.get(i).select("@idra_" + i));
            }
        }
        return "LOAD DATA LOCAL INFILE 'stream' INTO TABLE " + dialect.quote(table) + " CHARACTER SET utf8mb4 ("
                + String.join(", ", fields) + ")" + (set.isEmpty() ? "" : " SET " + String.join(", ", set));
    }

    /**
     * As in {@link MysqlDialect#writeSql}: Insert skips a present key with a no-op update, Upsert sets the rest. The
     * staging table has the same column names, so the no-op names the destination's column with its table.
     */
    private String update(Identifier table, List<String> columns, List<String> selected, List<String> keyColumns,
                          SaveMode mode) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (mode == SaveMode.UPSERT && keyColumns.stream().noneMatch(column::equalsIgnoreCase)) {
                set.add(dialect.quoteColumn(column) + " = " + selected.get(i));
            }
        }
        String key = dialect.quoteColumn(keyColumns.get(0));
        return set.isEmpty() ? key + " = " + dialect.quote(table) + "." + key : String.join(", ", set);
    }
}
