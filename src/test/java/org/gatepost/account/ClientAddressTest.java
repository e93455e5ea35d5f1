package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsItsAddress() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.of("::ffff:203.0.113.7"));
    }

    @Test
    void anIpv6ClientIsItsSlash64Network() {
        assertEquals(ClientAddress.of("2001:db8:1:2::1"), ClientAddress.of("[2001:db8:1:2:ffff:eeee:dddd:cccc]"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void anythingElseIsUnknownAndNeverLookedUp() {
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of((String) null));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of("gate.example.com"));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(""));
    }
}
