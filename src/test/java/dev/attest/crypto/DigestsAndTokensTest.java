package dev.attest.crypto;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DigestsAndTokensTest {

    @Test
    void sha256HexOfTextAndBytesIsTheStandardDigest() {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Digests.sha256Hex("abc")).isEqualTo(abc);
        assertThat(Digests.sha256Hex(new byte[] {'a', 'b', 'c'})).isEqualTo(abc);
        assertThat(Digests.sha256Hex("é")).isEqualTo(Digests.sha256Hex(new byte[] {(byte) 0xc3, (byte) 0xa9}));
    }

    @Test
    void tokensAreUrlSafeUnpaddedAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = Tokens.urlSafe(32);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(Tokens.urlSafe(18)).hasSize(24);
    }
}
