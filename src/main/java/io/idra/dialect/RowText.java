package io.idra.dialect;

import java.io.InputStream;
import java.util.function.IntFunction;

/**
 * A batch as the stream of text a driver sends to the server, encoded a few rows ahead of what the driver has read,
 * so that memory holds the batch's values but not its text.
 *
 * <p>A row whose values fail their checks (or cannot be encoded) ends the stream cleanly before that row instead of
 * throwing: an exception thrown inside Connector/J's file transfer would leave the server waiting for the rest of the
 * file and the connection unusable, even for the rollback. The caller takes the failure from {@link #failure()} once
 * the load has returned, and rolls back.
 */
final class RowText extends InputStream {

    /** Encode ahead until this many bytes wait, so that the driver's reads find full buffers. */
    private static final int AHEAD = 64 * 1024;

    private final int rows;
    private final IntFunction<Object[]> values;
    private final FieldEncoder[] encoders;
    private final TextBuffer text = new TextBuffer();
    private int next;
    private RuntimeException failure;

    /**
     * @param rows     how many rows the batch has
     * @param values   the values of row i, checked and converted for the destination; may throw for a value that does
     *                 not fit
     * @param encoders one per column
     */
    RowText(int rows, IntFunction<Object[]> values, FieldEncoder[] encoders) {
        this.rows = rows;
        this.values = values;
        this.encoders = encoders.clone();
    }

    /** Why the stream ended before the last row, or null. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (text.available() < AHEAD && next < rows && failure == null) {
            encodeNext();
        }
        return text.available() == 0 ? -1 : text.read(target, offset, length);
    }

    private void encodeNext() {
        int mark = text.mark();
        try {
            Object[] row = values.apply(next);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.tab();
                }
                if (row[i] == null) {
                    text.nullValue();
                } else {
                    encoders[i].write(text, row[i]);
                }
            }
            text.newline();
            next++;
        } catch (RuntimeException e) {
            text.truncate(mark);
            failure = e;
        }
    }
}
