package io.idra.dialect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows of the tab-separated text that PostgreSQL's {@code COPY ... FROM STDIN} and MySQL's {@code LOAD DATA} both read
 * in their default formats, as UTF-8 bytes: a tab between fields, a newline after each row, {@code \N} for NULL, and a
 * backslash escapes the backslash, tab, newline, carriage return and NUL inside a value. (PostgreSQL never gets a NUL:
 * its value checks refuse such text first.)
 */
final class TextBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[64 * 1024];
    /** The bytes not yet read are those from start to length. */
    private int start;
    private int length;

    /** How many bytes wait to be read. */
    int available() {
        return length - start;
    }

    /** Moves up to {@code max} waiting bytes into {@code target}; returns how many. */
    int read(byte[] target, int offset, int max) {
        int count = Math.min(max, length - start);
        System.arraycopy(bytes, start, target, offset, count);
        start += count;
        if (start == length) {
            start = 0;
            length = 0;
        }
        return count;
    }

    /** A position to {@link #truncate} back to, e.g. the start of a row that could not be completed. */
    int mark() {
        return length - start;
    }

    void truncate(int mark) {
        length = start + mark;
    }

    void tab() {
        put((byte) '\t');
    }

    void newline() {
        put((byte) '\n');
    }

    void nullValue() {
        room(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
    }

    /** Text that needs no escaping and is all ASCII: numbers, dates, booleans. */
    void ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    /**
     * Any text, escaped and encoded as UTF-8. A lone surrogate becomes '?', as String.getBytes and both drivers
     * encode it.
     */
    void text(String text) {
        room(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\0' -> escape('0');
                    default -> bytes[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    /**
     * Text as the source sent it in UTF-8, escaped as {@link #text} escapes it, without a String in between: the same
     * bytes as {@code text(undecoded.decode())} writes. Bytes that are not well-formed UTF-8 (which decoding turns
     * into U+FFFD) go that way instead.
     */
    void utf8(UndecodedText undecoded) {
        byte[] text = undecoded.utf8();
        room(text.length * 2);
        int mark = length;
        int i = 0;
        while (i < text.length) {
            byte b = text[i];
            if (b >= 0) {
                switch (b) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case 0 -> escape('0');
                    default -> bytes[length++] = b;
                }
                i++;
            } else {
                int n = Utf8.sequenceLength(text, i);
                if (n == 0) {
                    length = mark;
                    text(undecoded.decode());
                    return;
                }
                System.arraycopy(text, i, bytes, length, n);
                length += n;
                i += n;
            }
        }
    }

    /** An integer in decimal, without a String in between (every key and int column of a copy passes here). */
    void integer(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        room(20);
        long v = value;
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int n = 1;
        for (long rest = v / 10; rest > 0; rest /= 10) {
            n++;
        }
        for (int i = length + n - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += n;
    }

    /** A non-negative number with at least {@code width} digits, zeros in front. */
    void digits(int value, int width) {
        int n = 1;
        for (int v = value / 10; v > 0; v /= 10) {
            n++;
        }
        int size = Math.max(n, width);
        room(size);
        int v = value;
        for (int i = length + size - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += size;
    }

    /** Bytes as lower-case hex digits, which need no escaping. */
    void hex(byte[] value) {
        room(value.length * 2);
        for (byte b : value) {
            bytes[length++] = HEX[b >> 4 & 0xF];
            bytes[length++] = HEX[b & 0xF];
        }
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    /** Makes room for {@code more} bytes, first by dropping the bytes already read. */
    private void room(int more) {
        if (length + more <= bytes.length) {
            return;
        }
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, length - start);
            length -= start;
            start = 0;
        }
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
