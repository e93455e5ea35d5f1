package org.gatepost.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import io.vertx.core.net.SocketAddress;

/**
 * Who is signing in, as far as the network tells: the address sign-in failures are counted
 * for. An IPv6 client is its /64 network, since one subscriber commonly holds all of it.
 *
 * <p>The address is the peer of the connection, or, behind a reverse proxy that Quarkus is told
 * to trust ({@code quarkus.http.proxy.*}), the client the proxy names in its forwarding header.
 */
public final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    public static String of(SocketAddress peer) {
        return peer == null ? UNKNOWN : of(peer.hostAddress());
    }

    static String of(String host) {
        if (host == null || host.isBlank()) {
            return UNKNOWN;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            // Not an address literal: never resolve a name here.
            return UNKNOWN;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            if (isMappedIpv4(bytes)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)).getHostAddress();
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
