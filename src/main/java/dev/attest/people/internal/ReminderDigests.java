package dev.attest.people.internal;

import dev.attest.web.PublicBaseUrl;
import dev.attest.identity.WorkspaceId;
import dev.attest.people.Item;
import dev.attest.people.ItemState;
import dev.attest.people.People;
import dev.attest.people.PersonStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Once a day, each person with something due within a week or overdue gets one email listing all
 * of it: never more than one digest a day (claimed in the database, so several nodes send it once).
 */
@Component
class ReminderDigests {

    static final Duration AHEAD = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(ReminderDigests.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final People people;
    private final PeopleStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final PublicBaseUrl baseUrl;

    ReminderDigests(People people, PeopleStore store, ObjectProvider<JavaMailSender> mail, Clock clock,
                    @Value("${attest.mail.from:attest@localhost}") String from,
                    PublicBaseUrl baseUrl) {
        this.people = people;
        this.store = store;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    @Scheduled(cron = "${attest.people.reminder-cron:0 0 8 * * *}", zone = "UTC")
    @SchedulerLock(name = "people-reminder-digests")
    void scheduled() {
        sendDigests();
    }

    /** Sends today's digests; returns how many were sent. */
    int sendDigests() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.debug("No mail server configured (spring.mail.host); reminder digests are not sent");
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        int sent = 0;
        for (WorkspaceId workspace : store.workspaces()) {
            for (PersonStatus status : people.statuses(workspace)) {
                List<Item> pending = status.items().stream()
                        .filter(i -> !"offboarding".equals(i.kind()) && i.state() != ItemState.DONE)
                        .filter(i -> i.state() == ItemState.OVERDUE || i.due().isBefore(now.plus(AHEAD)))
                        .toList();
                if (pending.isEmpty() || !status.person().activeOn(today)) {
                    continue;
                }
                if (!store.claimDigest(workspace, status.person().email(), today, pending.size())) {
                    continue;
                }
                try {
                    sender.send(message(status, pending));
                    sent++;
                } catch (MailException e) {
                    log.warn("Reminder digest to {} failed: {}", status.person().email(), e.getMessage());
                }
            }
        }
        return sent;
    }

    private SimpleMailMessage message(PersonStatus status, List<Item> pending) {
        long overdue = pending.stream().filter(i -> i.state() == ItemState.OVERDUE).count();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(status.person().email());
        message.setSubject("Your security tasks: " + pending.size() + " to do" + (overdue > 0 ? ", " + overdue + " overdue" : ""));
        StringBuilder body = new StringBuilder("Hello ").append(status.person().name()).append(",\n\n")
                .append("These tasks are waiting for you:\n\n");
        for (Item item : pending) {
            body.append(item.state() == ItemState.OVERDUE ? "  [overdue] " : "  [due]     ").append(item.title())
                    .append(" (due ").append(DAY.format(item.due())).append(")\n");
        }
        body.append("\nDo them in the portal: ").append(baseUrl.link("/portal")).append("\n\n")
                .append("You get at most one of these emails a day, and only while something is due within a week or overdue.\n");
        message.setText(body.toString());
        return message;
    }
}
