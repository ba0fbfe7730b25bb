package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.CreateCampaign;
import dev.attest.accessreviews.Decide;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.SaveSystem;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pages' forms as typed commands: ids, days and numbers converted field by field and the command
 * checked, so a form shows every bad field at once under the names the API uses. Rules over stored
 * state (a system's name taken, a reviewer who is not a member) stay in the use cases.
 */
@Component
@RequiredArgsConstructor
class AccessReviewForms {

    private final Validator validator;
    private final Clock clock;

    /** A new system as the list page's form sends it; secrets and settings are set through the API. */
    SaveSystem system(Map<String, String> form) {
        Submission s = new Submission(validator, clock);
        UUID connection = id(s, form.get("connectionId"), "connectionId", "the id of a monitoring connection");
        return s.valid(new SaveSystem(text(form.get("name")), text(form.get("kind")), text(form.get("ownerEmail")), connection,
                text(form.get("target")), null, null));
    }

    /** A new campaign as the list page's form sends it, the systems chosen by id. */
    CreateCampaign campaign(Map<String, String> form, List<String> chosen) {
        Submission s = new Submission(validator, clock);
        List<CreateCampaign.Scope> scopes = new ArrayList<>();
        for (String value : chosen == null ? List.<String>of() : chosen) {
            UUID id = id(s, value, "systems", "choose systems from the list");
            if (id != null) {
                scopes.add(new CreateCampaign.Scope(id, null));
            }
        }
        LocalDate due = null;
        if (text(form.get("dueOn")) != null) {
            try {
                due = LocalDate.parse(text(form.get("dueOn")));
            } catch (DateTimeParseException e) {
                s.reject("dueOn", "the date the reviews are due, e.g. 2027-03-31");
            }
        }
        Integer dormant = s.number(form.get("dormantDays"), "dormantDays", "between 1 and 3650 days");
        return s.valid(new CreateCampaign(text(form.get("name")), due, text(form.get("recurrence")), text(form.get("reviewerMode")), dormant,
                scopes));
    }

    /** A decision from the queue page: the account's campaign and item ids, and the roles separated by commas or semicolons. */
    record QueueDecision(UUID campaignId, UUID itemId, Decide decide) {
    }

    /** An id that does not read as one names no account of the reviewer's queue. */
    QueueDecision decision(Map<String, String> form) {
        List<String> roles = Arrays.stream(form.getOrDefault("roles", "").split("[,;]")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        return new QueueDecision(queued(form.get("campaignId")), queued(form.get("itemId")),
                new Decide(form.get("decision"), roles, form.get("comment")));
    }

    /** The accounts chosen on the queue page, each sent as campaignId:itemId, by campaign (one form keeps accounts of several). */
    Map<UUID, List<UUID>> keep(List<String> selected) {
        Map<UUID, List<UUID>> byCampaign = new LinkedHashMap<>();
        for (String value : selected == null ? List.<String>of() : selected) {
            String[] parts = value.split(":");
            try {
                byCampaign.computeIfAbsent(UUID.fromString(parts[0]), k -> new ArrayList<>()).add(UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidFieldException("item", "The selection could not be read");
            }
        }
        if (byCampaign.isEmpty()) {
            throw new InvalidFieldException("item", "select the accounts to keep");
        }
        return byCampaign;
    }

    private static UUID queued(String id) {
        try {
            return UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("That account is not in your queue");
        }
    }

    /** The queue's flag filter: none when blank; an unknown one filters nothing and is named in {@code errors}. */
    Flag flag(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return WireName.parse(Flag.class, value).orElseGet(() -> {
            errors.put("flag", "one of " + WireName.allowed(Flag.class));
            return null;
        });
    }

    private static UUID id(Submission s, String value, String field, String problem) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return s.reject(field, problem);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
