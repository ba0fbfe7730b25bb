package dev.attest.people.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealsWithAesGcmAndOpensOnlyInTheSameContext(@TempDir Path data) {
        FieldCipher cipher = new FieldCipher(KEY, data.toString());
        String sealed = cipher.seal("clear: no records", "background-check:w:p1");

        assertThat(sealed).startsWith("v1:").doesNotContain("clear");
        assertThat(cipher.seal("clear: no records", "background-check:w:p1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "background-check:w:p1")).isEqualTo("clear: no records");
        assertThatThrownBy(() -> cipher.open(sealed, "background-check:w:p2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16]), data.toString()).open(sealed, "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoTheDataFolderAndReused(@TempDir Path data) throws Exception {
        String sealed = new FieldCipher("", data.toString()).seal("secret", "c");

        assertThat(Files.readString(data.resolve("master.key"))).isNotBlank();
        assertThat(new FieldCipher("", data.toString()).open(sealed, "c")).isEqualTo("secret");
    }
}
