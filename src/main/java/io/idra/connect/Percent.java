package io.idra.connect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as URIs, go-sql-driver and the JDBC drivers use it. Own code rather than
 * {@link java.net.URLDecoder}, whose error messages quote the input and so could print a password.
 */
final class Percent {

    private Percent() {
    }

    /**
     * Decodes {@code %XX} sequences (UTF-8) and, when {@code plusIsSpace} (form encoding, as Go's
     * {@code url.QueryUnescape} and the JDBC drivers' query parsing), '+' as a space.
     *
     * @param errorMessage the whole message of the exception thrown for bad encoding; it must not quote the input
     */
    static String decode(String text, boolean plusIsSpace, String errorMessage) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new InvalidConnectionStringException(errorMessage);
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '%' && !(plusIsSpace && text.charAt(end) == '+')) {
                    end++;
                }
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidConnectionStringException(errorMessage);
        }
    }

    /** Encodes everything but RFC 3986 unreserved characters, so the result is safe in any URL part. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
