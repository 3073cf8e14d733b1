package io.idra.demo;

/** Ends the demo with one line that says what went wrong (no stack trace). */
public final class DemoFailure extends RuntimeException {

    public DemoFailure(String message) {
        super(message);
    }

    public DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
