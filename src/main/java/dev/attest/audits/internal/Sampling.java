package dev.attest.audits.internal;

import dev.attest.audits.DrawSample;
import dev.attest.audits.Audit;
import dev.attest.audits.Sample;
import dev.attest.audits.SampleDrawn;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Frequency;
import dev.attest.identity.CurrentUser;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Samples drawn from populations with a recorded seed. Each sampled item without evidence in Attest
 * becomes a request, so the client knows what to provide. Anyone can re-draw: the same seed over a
 * population with the same hash gives the same items.
 */
@Service
@RequiredArgsConstructor
class Sampling {

    private static final SecureRandom SEEDS = new SecureRandom();

    /** A re-draw: whether today's population still has the recorded hash, and what the seed draws from it. */
    record Redraw(UUID sampleId, String recordedHash, String currentHash, boolean samePopulation, List<String> items, boolean sameItems) {
    }

    /** A population as the API lists it. */
    record PopulationSummary(String name, String description, int size, String sha256) {
    }

    private final Populations populations;
    private final SampleStore store;
    private final AuditorAccess access;
    private final RequestLists requests;
    private final SampleSizes sizes;
    private final Catalog catalog;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    List<PopulationSummary> populations(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "population list");
        return Populations.NAMES.entrySet().stream().map(e -> {
            Population p = populations.of(user.workspaceId(), audit, e.getKey(), null);
            return new PopulationSummary(e.getKey(), e.getValue(), p.items().size(), p.sha256());
        }).toList();
    }

    Population population(CurrentUser user, UUID auditId, String name, String control) {
        Audit audit = access.readable(user, auditId, "population " + name + " export");
        return populations.of(user.workspaceId(), audit, name, blank(control));
    }

    @Transactional
    Sample draw(CurrentUser user, UUID auditId, DrawSample command) {
        // who may work on the audit is settled before what they sent: an auditor of another audit learns nothing from a 400
        Audit audit = access.fieldwork(user, auditId);
        DrawSample c = commands.valid(command);
        String control = blank(c.control()) == null ? null : c.control().strip().toUpperCase(Locale.ROOT);
        Population population = populations.of(user.workspaceId(), audit, c.population(), control);
        int total = population.items().size();
        int size;
        if (c.size() != null) {
            if (c.size() > total) {
                throw new InvalidFieldException("size", "the population has " + total + " items: a sample cannot be larger");
            }
            size = c.size();
        } else {
            size = sizes.proposed(frequency(c.frequency(), control), total);
        }
        if (total == 0) {
            throw new InvalidFieldException("population", "has no items in the audit period: nothing to sample");
        }
        long seed = c.seed() != null ? c.seed() : SEEDS.nextLong();
        List<String> items = SampleDraw.draw(population.items().stream().map(Population.Item::id).toList(), size, seed);
        Sample sample = new Sample(UUID.randomUUID(), audit.id(), population.name(), control, population.sha256(), total, size, seed, items,
                clock.instant(), user.actor());
        store.insert(user.workspaceId(), sample);
        events.publishEvent(new SampleDrawn(user.workspaceId(), user.actor(), audit.id(), sample.id(), population.name(), size, total, seed,
                population.sha256()));
        // Items whose evidence Attest does not hold become requests to the client.
        Map<String, Population.Item> byId = population.items().stream().collect(Collectors.toMap(Population.Item::id, Function.identity()));
        int n = 0;
        for (String id : items) {
            n++;
            Population.Item item = byId.get(id);
            if (item.evidenceId() == null || item.evidenceId().isEmpty()) {
                requests.raiseForSample(user, audit, "S-" + sample.id().toString().substring(0, 8) + "-" + n,
                        "Evidence for sampled " + population.name() + " item " + id + " (" + item.date() + "): " + item.description(), control);
            }
        }
        return sample;
    }

    private Frequency frequency(String given, String control) {
        if (blank(given) != null) {
            return WireName.parse(Frequency.class, given.strip())
                    .orElseThrow(() -> new InvalidFieldException("frequency", "must be one of " + WireName.allowed(Frequency.class)));
        }
        if (control == null) {
            throw new InvalidFieldException("size", "give a size, a frequency, or a control whose frequency proposes one");
        }
        return catalog.requireControl(control).frequency();
    }

    List<Sample> list(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "samples");
        return store.list(user.workspaceId(), audit.id());
    }

    Redraw redraw(CurrentUser user, UUID auditId, UUID sampleId) {
        Audit audit = access.readable(user, auditId, "sample " + sampleId + " re-drawn");
        Sample sample = store.find(user.workspaceId(), audit.id(), sampleId).orElseThrow(() -> new NotFoundException("No sample " + sampleId));
        Population now = populations.of(user.workspaceId(), audit, sample.population(), sample.control());
        boolean same = now.sha256().equals(sample.populationHash());
        List<String> items = sample.size() <= now.items().size()
                ? SampleDraw.draw(now.items().stream().map(Population.Item::id).toList(), sample.size(), sample.seed()) : List.of();
        return new Redraw(sampleId, sample.populationHash(), now.sha256(), same, items, items.equals(sample.items()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
