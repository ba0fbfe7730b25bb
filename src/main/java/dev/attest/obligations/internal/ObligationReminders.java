package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.CalendarEntry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import dev.attest.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Emails each obligation's owner once, a set number of days (per workspace, default 7, or the
 * obligation's own lead time) before it falls due. What was sent is recorded per obligation and due date, so a rolled duty is reminded
 * again for its next occurrence and a rerun sends nothing twice.
 */
@Component
class ObligationReminders {

    private static final Logger log = LoggerFactory.getLogger(ObligationReminders.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", java.util.Locale.ENGLISH);

    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final ObligationStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final PublicBaseUrl publicUrl;

    ObligationReminders(ObligationsCalendar calendar, RecurringDuties duties, ObligationStore store, ObjectProvider<JavaMailSender> mail,
                        @Value("${attest.mail.from:attest@localhost}") String from,
                        PublicBaseUrl publicUrl) {
        this.calendar = calendar;
        this.duties = duties;
        this.store = store;
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    /** The daily reminders: ShedLock refuses to lock a method that returns a primitive, so the job returns nothing. */
    @Scheduled(cron = "${attest.obligations.reminder-cron:0 0 6 * * *}")
    @SchedulerLock(name = "obligation-reminders")
    public void scheduledSend() {
        send();
    }

    /** Sends the reminders due now; returns how many were sent. */
    public int send() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("Obligation reminders not sent: no mail server is configured (spring.mail.host)");
            return 0;
        }
        Instant now = calendar.now();
        int sent = 0;
        for (Map.Entry<WorkspaceId, Integer> workspace : duties.workspaces().entrySet()) {
            Instant horizon = now.plus(Duration.ofDays(workspace.getValue()));
            for (CalendarEntry entry : calendar.entries(workspace.getKey())) {
                var o = entry.obligation();
                Instant remindFrom = o.remindBefore() == null ? horizon : now.plus(o.remindBefore());
                if (o.owner() == null || entry.overdue() || o.due().isAfter(remindFrom) || store.reminded(workspace.getKey(), o.id(), o.due())) {
                    continue;
                }
                try {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(o.owner());
                    message.setSubject("Due soon: " + o.title());
                    message.setText("""
                            %s is due by %s.

                            Open it in Attest: %s%s
                            """.formatted(o.title(), WHEN.format(o.due().atZone(duties.zone())), publicUrl.get(), o.path()));
                    sender.send(message);
                    store.insertReminder(workspace.getKey(), o.id(), o.due(), o.owner(), now);
                    sent++;
                } catch (MailException e) {
                    log.warn("Reminder for {} to {} not sent; it will be tried again", o.id(), o.owner(), e);
                }
            }
        }
        return sent;
    }
}
