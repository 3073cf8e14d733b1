package io.idra.dialect;

/**
 * A source value the destination column cannot hold. The message says what and why in a few words, without the
 * value when it is text (it may be long or private); the caller adds the column and the row's key.
 */
public final class ValueNotStorable extends RuntimeException {

    public ValueNotStorable(String message) {
        super(message, null, false, false);
    }
}
