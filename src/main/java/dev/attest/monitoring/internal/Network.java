package dev.attest.monitoring.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block written as {@code address} or {@code address/prefix}, IPv4 or IPv6. */
record Network(byte[] base, int prefix) {

    static Network parse(String entry, String key) {
        int slash = entry.indexOf('/');
        String address = slash >= 0 ? entry.substring(0, slash) : entry;
        if (!address.matches("(?i)[0-9a-f:.]+")) {
            throw new IllegalArgumentException(key + ": '" + entry + "' is not an address or address/prefix");
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash >= 0 ? Integer.parseInt(entry.substring(slash + 1)) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException(key + ": '" + entry + "' has a prefix out of range");
            }
            return new Network(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + entry + "' is not an address or address/prefix");
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != base.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (base[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
