package io.idra.dialect;

/** Well-formed UTF-8, as the Unicode standard defines it (table 3-7) and Java's decoder reads it. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The length of the well-formed multi-byte sequence that starts at {@code i} (its lead byte is not ASCII), or 0
     * when there is none: a stray continuation byte, an overlong form, a surrogate, a code point past U+10FFFF or a
     * sequence cut short.
     */
    static int sequenceLength(byte[] text, int i) {
        int lead = text[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(text, i + 1, 0x80, 0xBF) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return continuation(text, i + 1, low, high) && continuation(text, i + 2, 0x80, 0xBF) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            return continuation(text, i + 1, low, high) && continuation(text, i + 2, 0x80, 0xBF)
                    && continuation(text, i + 3, 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte[] text, int i, int low, int high) {
        if (i >= text.length) {
            return false;
        }
        int b = text[i] & 0xFF;
        return b >= low && b <= high;
    }
}
