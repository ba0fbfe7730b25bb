package dev.attest.privacy.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.privacy.DataSubjectRequestReceived;
import dev.attest.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A verified request from the public form starts a legal deadline nobody may miss: each admin gets
 * an email naming its reference (never the requester's personal data), and the request's deadline is
 * already a task in the obligations calendar.
 */
@Component
class PrivacyRequestNotice {

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestNotice.class);

    private final WorkspaceMembers members;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final PublicBaseUrl baseUrl;

    PrivacyRequestNotice(WorkspaceMembers members, ObjectProvider<JavaMailSender> mail,
                         @Value("${attest.mail.from:attest@localhost}") String from, PublicBaseUrl baseUrl) {
        this.members = members;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    // After the commit, and only for requests from the public form: staff who record a request know of it.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DataSubjectRequestReceived event) {
        if (event.actor() == null || !event.actor().startsWith("public form")) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (spring.mail.host): admins were not emailed about privacy request {}", event.reference());
            return;
        }
        for (var admin : members.members(event.workspaceId())) {
            if (admin.role() != Role.ADMIN) {
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(admin.email());
            message.setSubject("Privacy request " + event.reference() + " received");
            message.setText("""
                    A %s request under %s came in through the public form and was verified: %s.
                    Its legal deadline is running. Open it here:
                    %s/privacy/requests/%s
                    """.formatted(event.type().wireName(), event.law().name(), event.reference(), baseUrl.get(), event.requestId()));
            try {
                sender.send(message);
            } catch (MailException e) {
                // The request stands; the privacy page and the calendar still show it.
                log.warn("Could not email {} about privacy request {}: {}", admin.email(), event.reference(), e.getMessage());
            }
        }
    }
}
