package dev.attest.trustcenter.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends the Trust Center's emails. Without a mail server configured (spring.mail.host) nothing is
 * sent and a warning says so, so that the rest of the site still works.
 */
@Component
@RequiredArgsConstructor
class Mail {

    private static final Logger log = LoggerFactory.getLogger(Mail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final TrustCenterProperties properties;

    void send(String to, String subject, String text, Map<String, String> headers) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("No mail server configured (spring.mail.host): the email '{}' was not sent", subject);
            return;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            for (var header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            mail.send(message);
        } catch (MessagingException | org.springframework.mail.MailException e) {
            // A failed email must not undo the request that caused it; the admin pages show the state.
            log.warn("Could not send '{}': {}", subject, e.getMessage());
        }
    }
}
