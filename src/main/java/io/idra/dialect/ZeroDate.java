package io.idra.dialect;

/**
 * A MySQL "zero" date such as {@code 0000-00-00} or {@code 2024-00-15}, which no Java date can hold. It is carried
 * as its text: MySQL destinations store it as it was, PostgreSQL ones as NULL with a warning.
 *
 * @param text the value as the server printed it
 */
public record ZeroDate(String text) {

    @Override
    public String toString() {
        return text;
    }
}
