package dev.attest.accessreviews.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An LDAP directory's users and groups, only over TLS: {@code ldaps://host:port}, or {@code ldap://host:port}
 * upgraded with StartTLS (a server that refuses StartTLS is not read). The server's certificate is checked
 * against the JVM's trust store or the PEM in setting {@code caCertificate}, and its host name is verified.
 * Settings: {@code baseDn} (required), {@code userFilter}, {@code groupFilter}, {@code privilegedGroups}
 * (comma-separated group names), {@code serviceUsers}. Secrets: {@code bindDn}, {@code password}.
 * A user counts as disabled when {@code pwdAccountLockedTime} is set, {@code nsAccountLock} or
 * {@code loginDisabled} is true, or {@code shadowExpire} has passed.
 */
@Component
@RequiredArgsConstructor
class LdapDirectorySource implements AccountSource {

    static final String USER_FILTER = "(|(objectClass=inetOrgPerson)(objectClass=posixAccount))";
    static final String GROUP_FILTER = "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))";
    private static final int TIMEOUT_MS = 10_000;

    private final Clock clock;

    @Override
    public String kind() {
        return "ldap";
    }

    @Override
    public String targetHint() {
        return "ldaps://host:636 or ldap://host:389 (StartTLS is then required)";
    }

    @Override
    public List<Account> accounts(SourceTarget target) throws SourceUnavailable {
        String baseDn = target.setting("baseDn", null);
        if (baseDn == null) {
            throw new SourceUnavailable("setting baseDn is missing (e.g. dc=example,dc=com)");
        }
        try (LDAPConnection connection = connect(target)) {
            if (target.secrets().get("bindDn") != null) {
                connection.bind(target.secrets().get("bindDn"), target.secrets().getOrDefault("password", ""));
            }
            SearchResult groups = connection.search(baseDn, SearchScope.SUB, Filter.create(target.setting("groupFilter", GROUP_FILTER)),
                    "cn", "member", "uniqueMember", "memberUid");
            Map<String, Set<String>> groupsOfMember = new HashMap<>();
            for (SearchResultEntry g : groups.getSearchEntries()) {
                String cn = g.getAttributeValue("cn");
                for (String attribute : List.of("member", "uniqueMember", "memberUid")) {
                    String[] values = g.getAttributeValues(attribute);
                    if (values != null) {
                        for (String member : values) {
                            groupsOfMember.computeIfAbsent(member.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(cn);
                        }
                    }
                }
            }
            SearchResult users = connection.search(baseDn, SearchScope.SUB, Filter.create(target.setting("userFilter", USER_FILTER)),
                    "uid", "cn", "displayName", "mail", "createTimestamp", "pwdAccountLockedTime", "nsAccountLock", "loginDisabled",
                    "shadowExpire", "authTimestamp", "pwdLastSuccess");
            Set<String> privileged = Set.of(target.setting("privilegedGroups", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
            Set<String> service = Set.of(target.setting("serviceUsers", "").split("\\s*,\\s*"));
            List<Account> accounts = new ArrayList<>();
            for (SearchResultEntry u : users.getSearchEntries()) {
                String uid = u.getAttributeValue("uid");
                String id = uid != null ? uid : u.getDN();
                Set<String> roles = new TreeSet<>();
                roles.addAll(groupsOfMember.getOrDefault(u.getDN().toLowerCase(Locale.ROOT), Set.of()));
                if (uid != null) {
                    roles.addAll(groupsOfMember.getOrDefault(uid.toLowerCase(Locale.ROOT), Set.of()));
                }
                String name = u.getAttributeValue("displayName") != null ? u.getAttributeValue("displayName") : u.getAttributeValue("cn");
                accounts.add(new Account(target.systemName(), id, name, u.getAttributeValue("mail"), List.copyOf(roles),
                        roles.stream().anyMatch(r -> privileged.contains(r.toLowerCase(Locale.ROOT))), null,
                        time(u, "authTimestamp", u.hasAttribute("authTimestamp") ? null : time(u, "pwdLastSuccess", null)),
                        time(u, "createTimestamp", null), !disabled(u), service.contains(id) ? AccountKind.SERVICE : AccountKind.USER));
            }
            return accounts;
        } catch (LDAPException e) {
            throw new SourceUnavailable("LDAP at " + target.target() + ": " + e.getResultCode() + " " + firstLine(e.getDiagnosticMessage(), e.getMessage()), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SourceUnavailable("LDAP at " + target.target() + ": " + e.getMessage(), e);
        }
    }

    private LDAPConnection connect(SourceTarget target) throws LDAPException, GeneralSecurityException {
        URI uri = URI.create(target.target());
        boolean ldaps = "ldaps".equalsIgnoreCase(uri.getScheme());
        if (!ldaps && !"ldap".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the target must start with ldaps:// or ldap://");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ldaps ? 636 : 389;
        SSLContext tls = new SSLUtil(trust(target.setting("caCertificate", null))).createSSLContext("TLSv1.2");
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(TIMEOUT_MS);
        options.setResponseTimeoutMillis(TIMEOUT_MS);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        if (ldaps) {
            return new LDAPConnection(tls.getSocketFactory(), options, uri.getHost(), port);
        }
        LDAPConnection connection = new LDAPConnection(options, uri.getHost(), port);
        ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
        if (started.getResultCode() != ResultCode.SUCCESS) {
            connection.close();
            throw new LDAPException(started.getResultCode(), "StartTLS refused; a directory is read only over TLS");
        }
        return connection;
    }

    private static TrustManager[] trust(String pem) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (pem == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("setting caCertificate holds no PEM certificate");
            }
            factory.init(store);
        }
        return factory.getTrustManagers();
    }

    private boolean disabled(SearchResultEntry u) {
        if (u.hasAttribute("pwdAccountLockedTime") || "true".equalsIgnoreCase(u.getAttributeValue("nsAccountLock"))
                || "true".equalsIgnoreCase(u.getAttributeValue("loginDisabled"))) {
            return true;
        }
        Long expire = u.getAttributeValueAsLong("shadowExpire");
        return expire != null && expire >= 0 && !LocalDate.ofEpochDay(expire).isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static Instant time(SearchResultEntry entry, String attribute, Instant fallback) {
        Attribute value = entry.getAttribute(attribute);
        if (value == null) {
            return fallback;
        }
        try {
            return com.unboundid.util.StaticUtils.decodeGeneralizedTime(value.getValue()).toInstant();
        } catch (java.text.ParseException e) {
            return fallback;
        }
    }

    private static String firstLine(String diagnostic, String fallback) {
        String message = diagnostic == null || diagnostic.isBlank() ? fallback : diagnostic;
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
