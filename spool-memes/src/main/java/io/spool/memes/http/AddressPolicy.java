package io.spool.memes.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a remote image may come from: only public unicast ones. Refused, with the reason: loopback,
 * unspecified ({@code 0.0.0.0}, {@code ::}), private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10),
 * link-local (169.254/16, fe80::/10) including the cloud metadata address 169.254.169.254, unique-local (fc00::/7,
 * so also AWS's {@code fd00:ec2::254}), multicast, benchmarking (198.18/15), reserved and broadcast (240/4), the
 * "this network" block 0/8, and IPv6 forms that embed such an IPv4 address (IPv4-compatible, NAT64 64:ff9b::/96,
 * 6to4 2002::/16).
 */
final class AddressPolicy {
    private AddressPolicy() {
    }

    /** Why {@code address} is refused, or null when it is a public unicast address. */
    static String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address.isLinkLocalAddress()) {
            return address.getHostAddress().equals("169.254.169.254") ? "the cloud metadata address"
                    : "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b[0] & 0xFF, b[1] & 0xFF);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "a unique-local address";
            }
            if (embedsV4(b)) {
                try {
                    byte[] v4 = new byte[4];
                    int at = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02 ? 2 : 12;
                    System.arraycopy(b, at, v4, 0, 4);
                    String inner = refusal(InetAddress.getByAddress(v4));
                    return inner == null ? null : inner + " inside an IPv6 address";
                } catch (java.net.UnknownHostException e) {
                    return "an unreadable address";
                }
            }
        }
        return null;
    }

    private static String refusalV4(int a, int b) {
        if (a == 0) {
            return "a \"this network\" address";
        }
        if (a == 100 && (b & 0xC0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (a == 198 && (b & 0xFE) == 18) {
            return "a benchmarking address";
        }
        if (a >= 240) {
            return "a reserved address";
        }
        if (a == 192 && b == 0) {
            return "an IETF protocol address";
        }
        return null;
    }

    /** IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:a.b.c.d::). */
    private static boolean embedsV4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        boolean sixToFour = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02;
        return zeros || nat64 || sixToFour;
    }
}
