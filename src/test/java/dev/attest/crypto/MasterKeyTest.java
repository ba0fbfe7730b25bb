package dev.attest.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void createsTheKeyFileOnceAndReadsItBackOnTheNextStart() throws Exception {
        MasterKey first = new MasterKey("", dataDir.toString());
        String sealed = first.seal("background check: clear", "people background check", "person-1");

        MasterKey second = new MasterKey("", dataDir.toString());
        assertThat(second.open(sealed, "people background check", "person-1")).isEqualTo("background check: clear");
        assertThat(Base64.getDecoder().decode(Files.readString(dataDir.resolve("master.key")).strip())).hasSize(32);
        assertThat(sealed).doesNotContain("clear");
    }

    @Test
    void aCiphertextMovedToAnotherRowOrPurposeDoesNotOpen() {
        MasterKey key = new MasterKey("", dataDir.toString());
        String sealed = key.seal("alice@example.com", "privacy personal data", "request-1");

        assertThatThrownBy(() -> key.open(sealed, "privacy personal data", "request-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> key.open(sealed, "people background check", "request-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> key.open("bm90IHNlYWxlZA==", "privacy personal data", "request-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyWinsOverTheFileAndABadOneIsRefusedWithAMessage() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey key = new MasterKey(configured, dataDir.toString());

        assertThat(Files.exists(dataDir.resolve("master.key"))).isFalse();
        assertThat(key.derive("a")).hasSize(32).isNotEqualTo(key.derive("b"));
        assertThatThrownBy(() -> new MasterKey("c2hvcnQ=", dataDir.toString())).hasMessageContaining("32 bytes");
    }
}
