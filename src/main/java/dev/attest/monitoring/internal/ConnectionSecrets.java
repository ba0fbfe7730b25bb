package dev.attest.monitoring.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A connection's secrets, sealed under the master key as one JSON document; only their names are ever shown. */
@Component
@RequiredArgsConstructor
class ConnectionSecrets {

    private final SecretBox box;

    String seal(Map<String, String> secrets) {
        return box.seal(Documents.write(secrets));
    }

    /** The secrets for a run or a test. */
    Map<String, String> open(ConnectionStore.Row row) throws Collector.CollectionFailed {
        try {
            return stored(row);
        } catch (GeneralSecurityException e) {
            throw new Collector.CollectionFailed("the connection's secrets cannot be decrypted with this master key");
        }
    }

    Map<String, String> stored(ConnectionStore.Row row) throws GeneralSecurityException {
        Map<String, String> secretValues = new LinkedHashMap<>();
        if (row.sealedSecret() != null) {
            Documents.read(box.open(row.sealedSecret())).forEach((k, v) -> secretValues.put(k, String.valueOf(v)));
        }
        return secretValues;
    }

    /** The names of the stored secrets, as a connection shows them. */
    Set<String> names(ConnectionStore.Row row) {
        Set<String> names = new TreeSet<>();
        if (row.sealedSecret() != null) {
            try {
                names.addAll(Documents.read(box.open(row.sealedSecret())).keySet());
            } catch (GeneralSecurityException | RuntimeException e) {
                names.add("(unreadable: sealed under another master key)");
            }
        }
        return names;
    }
}
