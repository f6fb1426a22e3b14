package io.spool.memes.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How {@code ?background=URL} fetches: the hosts it may fetch from ({@code --remote-images}; empty: remote images
 * are off, the default), the most bytes and the longest time one fetch may take, and the redirects it follows. A
 * host entry is a name ({@code images.example.org}), {@code *.example.org} for its subdomains, or an IP literal.
 * {@code permitted} is for tests only: addresses allowed although the address policy refuses them (a loopback
 * image server); the command line cannot set it.
 */
public record RemoteImageConfig(List<String> hosts, long maxBytes, Duration timeout, int maxRedirects,
                                Set<InetAddress> permitted) {
    /** Off: no host is allowed. 8 MiB, 5 s, 3 redirects when on. */
    public static final RemoteImageConfig OFF = new RemoteImageConfig(List.of(), 8L << 20, Duration.ofSeconds(5), 3,
            Set.of());

    public RemoteImageConfig {
        hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        permitted = Set.copyOf(permitted);
        if (maxBytes < 1 || timeout.isNegative() || timeout.isZero() || maxRedirects < 0) {
            throw new IllegalArgumentException("remote images need a positive byte cap and timeout");
        }
    }

    public boolean enabled() {
        return !hosts.isEmpty();
    }

    /** These hosts allowed, the rest as before. */
    public RemoteImageConfig withHosts(List<String> allowed) {
        return new RemoteImageConfig(allowed, maxBytes, timeout, maxRedirects, permitted);
    }

    public RemoteImageConfig withLimits(long bytes, Duration time) {
        return new RemoteImageConfig(hosts, bytes, time, maxRedirects, permitted);
    }

    /** Tests only: let fetches reach {@code addresses} (a loopback server) that the policy would refuse. */
    RemoteImageConfig permittingForTests(Set<InetAddress> addresses) {
        return new RemoteImageConfig(hosts, maxBytes, timeout, maxRedirects, addresses);
    }

    /** Whether {@code host} (lower case, brackets removed) is on the allow-list. */
    boolean allows(String host) {
        for (String entry : hosts) {
            if (entry.equals(host) || entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
