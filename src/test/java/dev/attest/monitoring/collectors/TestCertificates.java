package dev.attest.monitoring.collectors;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Certificates made in the test: a CA and leaf certificates signed by it, good or bad on purpose. */
final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();

    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static Issued authority() throws Exception {
        KeyPair keys = rsa(2048);
        X500Name name = new X500Name("CN=Attest Test CA");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new Issued(keys, sign(builder, keys, "SHA256withRSA"));
    }

    static Issued leaf(Issued issuer, String host, int bits, Instant notBefore, Instant notAfter, String algorithm) throws Exception {
        KeyPair keys = rsa(bits);
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Attest Test CA"), BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + host), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                new GeneralName(GeneralName.dNSName, host)}));
        return new Issued(keys, sign(builder, issuer.keys(), algorithm));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer, String algorithm) throws Exception {
        var signerBuilder = new JcaContentSignerBuilder(algorithm).build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signerBuilder));
    }

    static KeyStore keyStore(Issued leaf, Issued authority) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.keys().getPrivate(), PASSWORD, new java.security.cert.Certificate[]{leaf.certificate(),
                authority.certificate()});
        return store;
    }

    static Path write(KeyStore store, Path folder) throws Exception {
        Path file = Files.createTempFile(folder, "keystore", ".p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
