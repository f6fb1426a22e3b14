package io.spool.bench.stack;

/**
 * The main class of a stack contender's own JVM: {@code StackServe NAME PORT DATABASE_URL CONNECTIONS} starts the
 * contender against the shared database, prints {@code ready}, and serves until its standard input closes (the
 * benchmark closes it, or dies), then stops it and exits.
 */
public final class StackServe {
    private StackServe() {}

    public static void main(String[] args) throws Exception {
        StackContender contender = StackContenders.named(args[0]);
        int port = Integer.parseInt(args[1]);
        StackDatabase database = StackDatabase.parse(args[2], Integer.parseInt(args[3]));
        try (AutoCloseable server = contender.start(port, database)) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for end of input
            }
        }
        System.exit(0);  // some servers leave non-daemon threads behind
    }
}
