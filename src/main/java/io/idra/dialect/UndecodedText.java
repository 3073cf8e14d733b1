package io.idra.dialect;

import java.nio.charset.StandardCharsets;

/**
 * A text value as the source sent it, in UTF-8, not yet made a String. A sync reads its source on one thread and
 * writes on several: text that only a writer looks at (neither cursor nor key) is decoded there
 * ({@link Dialect#writerOnlyReader}), which takes that work off the thread every row waits for. A destination whose
 * bulk load writes the column as UTF-8 text takes the bytes as they are ({@link Dialect#bulkTakesUndecodedText}).
 */
public final class UndecodedText {

    private final byte[] utf8;

    public UndecodedText(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The bytes as the server sent them (not a copy: nobody changes them). */
    byte[] utf8() {
        return utf8;
    }

    /** Whether the text holds a NUL character: in UTF-8 only that character has a zero byte. */
    boolean hasNul() {
        for (byte b : utf8) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** How many characters (code points) the decoded String has, counted on the bytes where they are well-formed. */
    int characters() {
        int count = 0;
        int i = 0;
        while (i < utf8.length) {
            int n = utf8[i] >= 0 ? 1 : Utf8.sequenceLength(utf8, i);
            if (n == 0) {
                String text = decode();
                return text.codePointCount(0, text.length());
            }
            i += n;
            count++;
        }
        return count;
    }

    /** The same String the driver would have made: malformed bytes become U+FFFD either way. */
    public String decode() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return decode();
    }
}
