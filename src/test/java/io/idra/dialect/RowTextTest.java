package io.idra.dialect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch as the stream the drivers send: rows, NULLs, failures that end it cleanly, rows bigger than the buffer. */
class RowTextTest {

    private static final FieldEncoder[] TWO = {PostgresText.forColumn(), PostgresText.forColumn()};

    private static String readAll(InputStream in, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        int n;
        while ((n = in.read(buffer, 0, chunk)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rowsAreTabSeparatedLinesWithNullMarkers() throws Exception {
        List<Object[]> rows = List.of(new Object[] {1L, "a b"}, new Object[] {2L, null}, new Object[] {null, ""});
        RowText text = new RowText(rows.size(), rows::get, TWO);
        assertThat(readAll(text, 7)).isEqualTo("1\ta b\n2\t\\N\n\\N\t\n");
        assertThat(text.failure()).isNull();
        assertThat(text.read()).isEqualTo(-1);
    }

    @Test
    void aRowThatFailsEndsTheStreamAfterTheRowsBeforeIt() throws Exception {
        IllegalArgumentException bad = new IllegalArgumentException("row 2 does not fit");
        RowText text = new RowText(3, i -> {
            if (i == 1) {
                throw bad;
            }
            return new Object[] {(long) i, "x"};
        }, TWO);
        assertThat(readAll(text, 1024)).isEqualTo("0\tx\n");
        assertThat(text.failure()).isSameAs(bad);
    }

    @Test
    void aValueThatCannotBeEncodedLeavesNoPartOfItsRow() throws Exception {
        RowText text = new RowText(2, i -> new Object[] {(long) i, i == 0 ? "ok" : new Object()}, TWO);
        assertThat(readAll(text, 1024)).isEqualTo("0\tok\n");
        assertThat(text.failure()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsLargerThanTheBufferReadInSmallPiecesComeThroughWhole() throws Exception {
        char[] big = new char[200_000];
        Arrays.fill(big, 'é');
        String value = new String(big);
        RowText text = new RowText(3, i -> new Object[] {(long) i, value}, TWO);
        String all = readAll(text, 1000);
        assertThat(all.split("\n")).hasSize(3).allSatisfy(line -> assertThat(line).endsWith("\t" + value));
    }
}
