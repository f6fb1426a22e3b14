package io.spool.embedded;

import java.nio.file.Path;

/** Run in a child JVM by {@link DurableServerTest}: starts a durable server on {@code args[0]}, prints its URL, waits. */
public final class DurableServerMain {
    private DurableServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalPostgres pg = LocalPostgres.startDurable(Path.of(args[0]));
        pg.execute("CREATE TABLE IF NOT EXISTS kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
        System.out.println("READY " + pg.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
