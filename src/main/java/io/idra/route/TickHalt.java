package io.idra.route;

/**
 * Ends a tick early on purpose, between batches: the program or route is stopping, or the source has a gap in its
 * keys that may still fill. Not a failure: what was written before stays, with its offset.
 */
final class TickHalt extends RuntimeException {

    TickHalt(String reason) {
        super(reason, null, false, false);
    }
}
