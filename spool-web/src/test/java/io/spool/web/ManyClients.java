package io.spool.web;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link ManyConnectionsTest}, in its own JVM so that client and server sockets each get a
 * whole open-files limit. Opens up to N keep-alive connections (fewer when its limit is lower, and says so),
 * sends one request on each, reports "open", waits for a line on stdin, sends a second request on each.
 */
public final class ManyClients {
    private static final byte[] REQUEST = "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int wanted = Integer.parseInt(args[1]);
        long limit = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        int n = (int) Math.min(wanted, limit - 200);
        System.out.println("limit " + limit + " connections " + n + (n < wanted ? " (fewer: open-files limit)" : ""));
        ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Semaphore connecting = new Semaphore(256);   // stay inside the accept backlog
        CountDownLatch roundOne = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch roundTwo = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    Socket s;
                    connecting.acquire();
                    try {
                        s = new Socket("127.0.0.1", port);
                        s.setSoTimeout(20_000);
                        open.add(s);
                        exchange(s);
                        first.incrementAndGet();
                    } finally {
                        connecting.release();
                        roundOne.countDown();
                    }
                    go.await();
                    exchange(s);
                    second.incrementAndGet();
                } catch (Exception e) {
                    if (errors.getAndIncrement() < 5) {
                        System.out.println("error " + e);
                    }
                } finally {
                    roundTwo.countDown();
                }
            });
        }
        roundOne.await();
        System.out.println("open " + first.get() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        long t1 = System.nanoTime();
        go.countDown();
        roundTwo.await();
        System.out.println("second " + second.get() + " in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        System.out.println("done " + first.get() + " " + second.get() + " errors " + errors.get());
        for (Socket s : open) {
            s.close();
        }
    }

    /** One request and its "pong" response (the body length is known: 4 bytes). */
    private static void exchange(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(REQUEST);
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed");
            }
            head.append((char) c);
        }
        if (!head.toString().startsWith("HTTP/1.1 200") || !new String(in.readNBytes(4)).equals("pong")) {
            throw new IOException("unexpected response: " + head);
        }
    }
}
