package dev.attest.privacy.internal;

import dev.attest.crypto.Tokens;
import dev.attest.crypto.Digests;
import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.NewRequest;
import dev.attest.privacy.ReceiveRequest;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.PublicBaseUrl;
import dev.attest.web.PublicFormLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The public request form's back end. A submission is held, encrypted, until the requester opens
 * the link sent to their address: only then does it become a request, so a mistyped or someone
 * else's address never creates one. Submissions are limited per client and per email address
 * ({@link PublicFormLimits}); one over a limit is dropped without a word, so the page looks the same.
 */
@Service
class PublicRequestIntake {

    /** A pending submission as the confirmation page shows it (no personal data beyond what its owner typed). */
    record Pending(String type, String law, String email) {
    }

    private final IntakeStore store;
    private final DataSubjectRequests requests;
    private final RequestForms forms;
    private final PersonalDataCipher cipher;
    private final PublicWorkspace publicWorkspace;
    private final PrivacyProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final PublicBaseUrl baseUrl;
    private final PublicFormLimits limits;
    private final JsonMapper json = JsonMapper.builder().build();

    PublicRequestIntake(IntakeStore store, DataSubjectRequests requests, RequestForms forms, PersonalDataCipher cipher, PublicWorkspace publicWorkspace,
                        PrivacyProperties properties, ObjectProvider<JavaMailSender> mail,
                        @Value("${attest.mail.from:attest@localhost}") String from, PublicBaseUrl baseUrl,
                        PublicFormLimits limits) {
        this.store = store;
        this.requests = requests;
        this.forms = forms;
        this.cipher = cipher;
        this.publicWorkspace = publicWorkspace;
        this.properties = properties;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
        this.limits = limits;
    }

    /**
     * Validates, holds the submission and emails the confirmation link; nothing is held if the email
     * cannot be sent, or when the client or the address is over its limit.
     */
    @Transactional
    void submit(ReceiveRequest request, String client) {
        WorkspaceId workspace = workspace();
        Instant now = requests.clock().instant();
        String address = cipher.lookupHash(request.email());
        if (!limits.allow("privacy.request", client, request.email())) {
            return;
        }
        String token = Tokens.urlSafe(32);
        UUID id = UUID.randomUUID();
        store.hold(id, workspace, address, sha256(token), cipher.seal(json.writeValueAsString(request.asText()), "privacy_intake:" + id),
                now, now.plus(properties.linkValidity()));
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server is configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(request.email());
        message.setSubject("Confirm your privacy request");
        message.setText("""
                We received a %s request under %s for this email address.

                To confirm it, open this link within %d hours:
                %s/trust/privacy/request/confirm?token=%s

                If you did not make this request, ignore this email: nothing will be done.
                """.formatted(request.type().label().toLowerCase(java.util.Locale.ROOT), request.law().name(),
                properties.linkValidity().toHours(), baseUrl.get(), token));
        sender.send(message);
    }

    /** The submission a link belongs to, while the link is valid and unused. */
    Optional<Pending> pending(String token) {
        return find(token).map(r -> {
            NewRequest form = json.readValue(cipher.open(r.sealed(), "privacy_intake:" + r.id()), NewRequest.class);
            return new Pending(form.type(), form.law(), form.email());
        });
    }

    /** Turns a verified submission into a request (once); the receipt time is the time of submission. */
    @Transactional
    DataSubjectRequest confirm(String token) {
        IntakeStore.IntakeRow row = find(token).orElseThrow(() -> new InvalidFieldException("token", "the link is invalid, used or expired"));
        if (!store.claim(row.id(), requests.clock().instant())) {
            throw new InvalidFieldException("token", "the link is invalid, used or expired");
        }
        NewRequest form = json.readValue(cipher.open(row.sealed(), "privacy_intake:" + row.id()), NewRequest.class);
        DataSubjectRequest created = requests.receive(new WorkspaceId(row.workspaceId()), forms.receipt(form),
                row.submittedAt(), "public", "public form (" + form.email() + " verified)");
        store.linkRequest(row.id(), created.id());
        return created;
    }

    /** Forgets submissions whose link expired a day ago (used ones keep no personal data). */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${attest.privacy.purge-cron:0 17 3 * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "privacy-intake-expiry")
    @Transactional
    public int forgetExpired() {
        return store.forgetExpiredBefore(requests.clock().instant().minusSeconds(86_400));
    }

    private Optional<IntakeStore.IntakeRow> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return store.pending(sha256(token), requests.clock().instant());
    }

    private WorkspaceId workspace() {
        return publicWorkspace.workspace().orElseThrow(() -> new IllegalStateException(
                "The workspace " + properties.publicWorkspace() + " does not take public requests (attest.privacy.public-workspace)"));
    }

    private static String sha256(String token) {
        return Digests.sha256Hex(token);
    }
}
