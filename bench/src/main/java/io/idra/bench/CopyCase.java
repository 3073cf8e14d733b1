package io.idra.bench;

/**
 * One reference run in its own JVM (so its heap and RSS are its own):
 * {@code CopyCase bulk|jdbc-serial|jdbc-pipelined <direction> <save>}. Prints {@code RESULT rows=N millis=T},
 * the time from opening the first connection to the last commit.
 */
public final class CopyCase {

    private CopyCase() {
    }

    public static void main(String[] args) throws Exception {
        Direction direction = Direction.of(args[1]);
        Save save = Save.of(args[2]);
        long started = System.nanoTime();
        long rows = switch (args[0]) {
            case "bulk" -> new BulkCopy(direction, save).run();
            case "jdbc-serial" -> new JdbcCopy(direction, save).serial();
            case "jdbc-pipelined" -> new JdbcCopy(direction, save).pipelined(2);
            default -> throw new IllegalArgumentException("unknown case " + args[0]);
        };
        System.out.println("RESULT rows=" + rows + " millis=" + (System.nanoTime() - started) / 1_000_000);
    }
}
