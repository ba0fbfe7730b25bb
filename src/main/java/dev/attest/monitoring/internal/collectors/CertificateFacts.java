package dev.attest.monitoring.internal.collectors;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a TLS endpoint's certificate chain shows: subject and issuer, expiry, key and signature, trust and host name. */
final class CertificateFacts {

    private CertificateFacts() {
    }

    static void put(X509Certificate[] chain, String host, X509TrustManager trusted, Instant now, Map<String, Object> data) {
        X509Certificate leaf = chain[0];
        data.put("subject", leaf.getSubjectX500Principal().getName());
        data.put("issuer", leaf.getIssuerX500Principal().getName());
        data.put("notBefore", leaf.getNotBefore().toInstant().toString());
        data.put("notAfter", leaf.getNotAfter().toInstant().toString());
        data.put("daysToExpiry", Math.floorDiv(Duration.between(now, leaf.getNotAfter().toInstant()).toSeconds(), 86400L));
        data.put("signatureAlgorithm", leaf.getSigAlgName());
        data.put("chainLength", (long) chain.length);
        data.put("selfSigned", leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()));
        var key = leaf.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            data.put("keyType", "RSA");
            data.put("keySize", (long) rsa.getModulus().bitLength());
        } else if (key instanceof ECPublicKey ec) {
            data.put("keyType", "EC");
            data.put("keySize", (long) ec.getParams().getOrder().bitLength());
        } else {
            data.put("keyType", key.getAlgorithm());
            data.put("keySize", 0L);
        }
        boolean trustedChain;
        try {
            trusted.checkServerTrusted(chain, key instanceof RSAPublicKey ? "RSA" : "EC");
            trustedChain = true;
        } catch (CertificateException | RuntimeException e) {
            trustedChain = false;
        }
        data.put("chainTrusted", trustedChain);
        data.put("hostnameMatches", matches(leaf, host));
        data.put("subjectAltNames", names(leaf));
    }

    /** The certificate's DNS and IP subject alternative names. */
    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    Integer type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // no readable names: nothing matches
        }
        return names;
    }

    /** Host name matching against the subject alternative names (RFC 6125, one wildcard label). */
    static boolean matches(X509Certificate certificate, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        for (String name : names(certificate)) {
            String candidate = name.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted)) {
                return true;
            }
            if (candidate.startsWith("*.") && wanted.indexOf('.') > 0
                    && wanted.substring(wanted.indexOf('.')).equals(candidate.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
