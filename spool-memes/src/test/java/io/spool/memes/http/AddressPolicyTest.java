package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses a remote picture may not come from, and public ones it may (IP literals: no DNS lookup). */
class AddressPolicyTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback", "0.0.0.0, unspecified", ":: , unspecified",
        "10.0.0.1, private", "172.16.5.4, private", "172.31.255.255, private", "192.168.1.1, private",
        "100.64.0.1, carrier-grade", "169.254.169.254, metadata", "169.254.1.1, link-local", "fe80::1, link-local",
        "fd00:ec2::254, unique-local", "fc00::1, unique-local", "224.0.0.1, multicast", "ff02::1, multicast",
        "240.0.0.1, reserved", "255.255.255.255, reserved", "198.18.0.1, benchmarking", "0.1.2.3, this network",
        "::ffff:10.0.0.1, private", "::ffff:127.0.0.1, loopback", "64:ff9b::a00:1, private address inside an IPv6",
        "2002:a9fe:a9fe::, metadata address inside an IPv6", "::10.0.0.1, private address inside an IPv6"
    })
    void refused(String literal, String reason) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal.trim()))).as(literal).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
        "2a00:1450:4001::200e", "64:ff9b::808:808"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).as(literal).isNull();
    }
}
