package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.identity.WorkspaceId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import dev.attest.web.PublicBaseUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells reviewers when a campaign starts (how many accounts, how many flagged) and reminds those with
 * undecided accounts a few days before the due date, once per campaign.
 */
@Component
class ReviewMail {

    private static final Logger log = LoggerFactory.getLogger(ReviewMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final CampaignStore store;
    private final Clock clock;
    private final String from;
    private final PublicBaseUrl baseUrl;
    private final int reminderDays;

    ReviewMail(ObjectProvider<JavaMailSender> mail, CampaignStore store, Clock clock,
               @Value("${attest.mail.from:attest@localhost}") String from,
               PublicBaseUrl baseUrl,
               @Value("${attest.accessreviews.reminder-days:3}") int reminderDays) {
        this.mail = mail;
        this.store = store;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
        this.reminderDays = reminderDays;
    }

    void campaignStarted(WorkspaceId workspace, Campaign campaign, List<ReviewItem> items) {
        byReviewer(items, false).forEach((reviewer, mine) -> send(reviewer,
                "Access review " + campaign.name() + ": " + mine.size() + " account(s) to review by " + campaign.dueOn(),
                text(campaign, mine, "A new access review has started.")));
    }

    @Scheduled(cron = "${attest.accessreviews.reminder-cron:0 0 7 * * *}", zone = "UTC")
    @SchedulerLock(name = "accessreviews-reminders")
    void scheduled() {
        sendReminders();
    }

    /** Reminds the reviewers of every campaign due within the reminder days; returns how many emails went out. */
    int sendReminders() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int sent = 0;
        for (Campaign campaign : store.dueForReminder(today.plusDays(reminderDays))) {
            WorkspaceId workspace = store.workspaceOf(campaign.id());
            store.reminded(campaign.id(), clock.instant());
            for (Map.Entry<String, List<ReviewItem>> e : byReviewer(store.items(workspace, campaign.id()), true).entrySet()) {
                if (send(e.getKey(), "Reminder: access review " + campaign.name() + " is due " + campaign.dueOn() + ", "
                        + e.getValue().size() + " account(s) still to decide", text(campaign, e.getValue(), "Your access review is due soon."))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static Map<String, List<ReviewItem>> byReviewer(List<ReviewItem> items, boolean undecidedOnly) {
        return items.stream().filter(ReviewItem::present).filter(i -> !undecidedOnly || i.decision() == null)
                .collect(Collectors.groupingBy(ReviewItem::reviewer, TreeMap::new, Collectors.toList()));
    }

    private String text(Campaign campaign, List<ReviewItem> mine, String opening) {
        long flagged = mine.stream().filter(ReviewItem::flagged).count();
        return opening + "\n\nCampaign: " + campaign.name() + "\nDue: " + campaign.dueOn() + "\nAccounts for you: " + mine.size()
                + " (" + flagged + " flagged, shown first)\n\nReview them in your queue: " + baseUrl.link("/access-reviews/queue") + "\n";
    }

    private boolean send(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.debug("No mail server configured (spring.mail.host); access review email to {} not sent", to);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Access review email to {} failed: {}", to, e.getMessage());
            return false;
        }
    }
}
