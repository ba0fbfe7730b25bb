package dev.attest.monitoring.internal.collectors;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The TLS 1.0 and 1.1 probe. The JDK (rightly) refuses to offer those versions, so the ClientHello is
 * written by hand: the endpoint's first answer tells whether it would accept the version, without
 * completing a handshake.
 */
final class LegacyClientHello {

    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_1 = 0x0302;

    private LegacyClientHello() {
    }

    /** Sends a TLS 1.0 or 1.1 ClientHello and reads whether the server answers with a ServerHello of that version. */
    static boolean accepted(TlsCollector.Endpoint endpoint, int version) {
        try (Socket socket = TlsSockets.connect(endpoint)) {
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(version, endpoint.host()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if (contentType != 22 || length < 6) {
                return false; // an alert, or something other than a handshake
            }
            int handshakeType = in.readUnsignedByte();
            in.skipBytes(3);
            int serverVersion = in.readUnsignedShort();
            return handshakeType == 2 && serverVersion == version;
        } catch (IOException e) {
            return false;
        }
    }

    static byte[] clientHello(int version, String host) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version & 0xff);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xc02f, 0xc030, 0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035, 0x000a, 0x0033, 0x0039};
        u16(body, suites.length * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // null compression
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (TlsSockets.sendsServerName(host)) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            u16(extensions, 0x0000);
            u16(extensions, name.length + 5);
            u16(extensions, name.length + 3);
            extensions.write(0);
            u16(extensions, name.length);
            extensions.writeBytes(name);
        }
        u16(extensions, 0x000a); // supported groups: secp256r1, secp384r1
        u16(extensions, 6);
        u16(extensions, 4);
        u16(extensions, 23);
        u16(extensions, 24);
        u16(extensions, 0x000b); // EC point formats: uncompressed
        u16(extensions, 2);
        extensions.write(1);
        extensions.write(0);
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22);
        u16(record, 0x0301);
        u16(record, hello.length + 4);
        record.write(1);
        record.write(0);
        u16(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
