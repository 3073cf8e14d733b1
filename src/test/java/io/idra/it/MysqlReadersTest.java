package io.idra.it;

import io.idra.connect.ConnectionStrings;
import io.idra.connect.JdbcTarget;
import io.idra.connect.Pools;
import io.idra.dialect.Dialect;
import io.idra.dialect.Dialects;
import io.idra.dialect.UndecodedText;
import io.idra.model.ConnectorType;
import io.idra.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB source readers, on a source connection as a sync opens it (binary protocol, streaming): the typed
 * getters give what getObject gives, value for value and class for class, and text left for the writers
 * ({@link UndecodedText}) decodes to the String the driver makes, only when the server sends it in UTF-8.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlReadersTest {

    private static final Dialect MYSQL = Dialects.of(ConnectorType.MYSQL);
    /** Columns 1-6 are numbers (0-based index 0-5), 7-10 utf8mb4 text, 11 latin1 text, 12-13 bytes, 14 ENUM. */
    private static final int FIRST_TEXT = 6;
    private static final int LATIN1 = 10;
    private static final int ENUM = 13;

    private Databases dbs;
    private TestDatabase db;
    private Pools pools;

    @BeforeAll
    void databases() throws SQLException {
        dbs = new Databases("readers");
        db = dbs.source(Direction.MYSQL_TO_PG);
        db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, i INT, iu INT UNSIGNED, bu BIGINT UNSIGNED,"
                + " d DECIMAL(12,2), dz DECIMAL(30,10), c CHAR(5), vc VARCHAR(50), tx TEXT, lt LONGTEXT,"
                + " l1 VARCHAR(20) CHARACTER SET latin1, vb VARBINARY(10), bl BLOB, en ENUM('a','é'))"
                + " DEFAULT CHARSET utf8mb4");
        db.execute("INSERT INTO t VALUES"
                + " (-9223372036854775808, -2147483648, 4294967295, 18446744073709551615, -9999999999.99,"
                + " 0.0000000001, 'ab', '😀 漢字 ñ', 'line1\\nline2\\t\\\\', '', 'àé', x'00ff', x'0102', 'é'),"
                + " (0, 0, 0, 0, 0.00, 0E-10, '', '', '', 'x', '', '', '', 'a'),"
                + " (9223372036854775807, 2147483647" + ", NULL".repeat(12) + ")");
        pools = new Pools(2);
    }

    @AfterAll
    void drop() {
        pools.stop();
        dbs.close();
    }

    @Test
    void typedReadersGiveWhatGetObjectGives() throws SQLException {
        List<Object[]> read = read(db.goDsn(), false);
        List<Object[]> plain = getObject(db.goDsn());
        assertThat(read).hasSize(3);
        for (int r = 0; r < read.size(); r++) {
            for (int c = 0; c < FIRST_TEXT; c++) {
                Object expected = plain.get(r)[c];
                assertThat(read.get(r)[c]).as("row %d column %d", r, c + 1).isEqualTo(expected);
                if (expected != null) {
                    assertThat(read.get(r)[c]).as("row %d column %d", r, c + 1)
                            .isExactlyInstanceOf(expected.getClass());
                }
            }
        }
        assertThat(read.get(0)[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(read.get(0)[2]).isEqualTo(4294967295L);
        assertThat(read.get(1)[5]).hasToString("0E-10");
        assertThat(read.get(2)[1]).isEqualTo(Integer.MAX_VALUE);
        assertThat(read.get(2)[2]).isNull();
        assertThat(read.get(2)[4]).isNull();
    }

    @Test
    void utf8TextIsLeftForTheWritersAndDecodesAsTheDriverWould() throws SQLException {
        assertTextColumns(db.goDsn());
    }

    /** The server sends each column in its own character set then: the utf8mb4 ones still go undecoded. */
    @Test
    void onALatin1ConnectionTooOnlyUtf8TextIsLeftUndecoded() throws SQLException {
        assertTextColumns(db.goDsn().replace("charset=utf8mb4", "charset=latin1"));
    }

    /** The latin1 column is decoded by the driver, the bytes stay bytes. */
    private void assertTextColumns(String connectionString) throws SQLException {
        List<Object[]> read = read(connectionString, true);
        List<Object[]> plain = getObject(connectionString);
        for (int r = 0; r < read.size(); r++) {
            for (int c = FIRST_TEXT; c < LATIN1; c++) {
                Object value = read.get(r)[c];
                Object expected = plain.get(r)[c];
                if (expected == null) {
                    assertThat(value).as("row %d column %d", r, c + 1).isNull();
                } else {
                    assertThat(value).as("row %d column %d", r, c + 1).isInstanceOf(UndecodedText.class);
                    assertThat(((UndecodedText) value).decode()).as("row %d column %d", r, c + 1)
                            .isEqualTo(expected);
                }
            }
            for (int c = LATIN1; c < ENUM; c++) {
                assertThat(read.get(r)[c]).as("row %d column %d", r, c + 1).isEqualTo(plain.get(r)[c])
                        .matches(value -> !(value instanceof UndecodedText), "not left undecoded");
            }
            // Connector/J names an ENUM CHAR in the binary protocol: text either way
            Object en = read.get(r)[ENUM];
            assertThat(en instanceof UndecodedText text ? text.decode() : en).isEqualTo(plain.get(r)[ENUM]);
        }
        assertThat(((UndecodedText) read.get(0)[7]).decode()).isEqualTo("😀 漢字 ñ");
        assertThat(read.get(0)[LATIN1]).isEqualTo("àé");
    }

    /** Every column through the dialect's readers: the writer-only ones when {@code writerOnly}. */
    private List<Object[]> read(String connectionString, boolean writerOnly) throws SQLException {
        return query(connectionString, (rs, md, i) -> (writerOnly ? MYSQL.writerOnlyReader(md, i)
                : MYSQL.reader(md.getColumnType(i), md.getColumnTypeName(i))).read(rs, i));
    }

    private List<Object[]> getObject(String connectionString) throws SQLException {
        return query(connectionString, (rs, md, i) -> rs.getObject(i));
    }

    private interface Column {
        Object read(ResultSet rs, ResultSetMetaData md, int index) throws SQLException;
    }

    private List<Object[]> query(String connectionString, Column column) throws SQLException {
        JdbcTarget target = ConnectionStrings.parse(ConnectorType.MYSQL, connectionString, "");
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = pools.get(target, Pools.Role.SOURCE, MYSQL.sourceProperties(), MYSQL.sourceAutocommit(),
                null).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM t ORDER BY id")) {
            ps.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Object[] row = new Object[md.getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = column.read(rs, md, i + 1);
                    }
                    rows.add(row);
                }
            }
            Pools.endRead(c);
        }
        return rows;
    }
}
