package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import dev.attest.accessreviews.SaveSystem;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.ReviewSystem;
import dev.attest.accessreviews.SystemSaved;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.crypto.MasterKey;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The systems under review: where their accounts come from, who owns them, their sealed credentials. */
@Service
class Systems {

    private static final String PURPOSE = "access review system secrets";
    static final Set<String> NEED_CONNECTION = Set.of("postgres", "mariadb", "github", "google-workspace", "okta", "entra");

    private final SystemStore store;
    private final Map<String, AccountSource> sources;
    private final WorkspaceMembers members;
    private final MasterKey masterKey;
    private final CommandChecks commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Systems(SystemStore store, List<AccountSource> sources, WorkspaceMembers members, MasterKey masterKey, CommandChecks commands,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.sources = sources.stream().collect(Collectors.toMap(AccountSource::kind, Function.identity()));
        this.members = members;
        this.masterKey = masterKey;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    Set<String> kinds() {
        return new TreeSet<>(sources.keySet());
    }

    Map<String, String> targetHints() {
        Map<String, String> hints = new java.util.LinkedHashMap<>();
        kinds().forEach(k -> hints.put(k, sources.get(k).targetHint()));
        return hints;
    }

    AccountSource source(String kind) {
        AccountSource source = sources.get(kind);
        if (source == null) {
            throw new IllegalStateException("no account source for kind " + kind);
        }
        return source;
    }

    @Transactional
    ReviewSystem create(WorkspaceId workspace, SaveSystem command, String actor) {
        validate(workspace, command, null);
        UUID id = UUID.randomUUID();
        SystemStore.Row row = new SystemStore.Row(id, workspace, command.name().strip(), command.kind(), normalize(command.ownerEmail()),
                command.connectionId(), blankToNull(command.target()), settings(command), seal(id, command.secrets()), null, null);
        store.insert(row, actor, clock.instant());
        events.publishEvent(new SystemSaved(workspace, actor, id, row.name(), "created"));
        return view(workspace, row);
    }

    @Transactional
    ReviewSystem update(WorkspaceId workspace, UUID id, SaveSystem command, String actor) {
        SystemStore.Row current = row(workspace, id);
        SaveSystem merged = new SaveSystem(command.name() == null ? current.name() : command.name(), current.kind(),
                command.ownerEmail() == null ? current.ownerEmail() : command.ownerEmail(),
                command.connectionId() == null ? current.connectionId() : command.connectionId(),
                command.target() == null ? current.target() : command.target(),
                command.settings() == null ? current.settings() : command.settings(), command.secrets());
        validate(workspace, merged, id);
        String sealed = command.secrets() == null ? current.sealedSecrets() : seal(id, command.secrets());
        SystemStore.Row row = new SystemStore.Row(id, workspace, merged.name().strip(), current.kind(), normalize(merged.ownerEmail()),
                merged.connectionId(), blankToNull(merged.target()), settings(merged), sealed, current.lastCollectedAt(), current.lastError());
        store.update(row);
        events.publishEvent(new SystemSaved(workspace, actor, id, row.name(), "changed"));
        return view(workspace, row);
    }

    @Transactional
    void delete(WorkspaceId workspace, UUID id, String actor) {
        SystemStore.Row row = row(workspace, id);
        store.delete(workspace, id);
        events.publishEvent(new SystemSaved(workspace, actor, id, row.name(), "deleted"));
    }

    @Transactional(readOnly = true)
    List<ReviewSystem> list(WorkspaceId workspace) {
        return store.all(workspace).stream().map(r -> view(workspace, r)).toList();
    }

    @Transactional(readOnly = true)
    ReviewSystem get(WorkspaceId workspace, UUID id) {
        return view(workspace, row(workspace, id));
    }

    java.util.Optional<SystemStore.Row> find(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id);
    }

    SystemStore.Row row(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No review system " + id));
    }

    /** The decrypted secrets of a system, for its source only. */
    Map<String, String> secrets(SystemStore.Row row) {
        if (row.sealedSecrets() == null) {
            return Map.of();
        }
        return ReviewColumns.map(masterKey.open(row.sealedSecrets(), PURPOSE, row.id().toString()));
    }

    private void validate(WorkspaceId workspace, SaveSystem command, UUID self) {
        Map<String, String> errors = commands.violations(command);
        if (command.kind() != null && !command.kind().isBlank() && !sources.containsKey(command.kind())) {
            errors.put("kind", "one of " + String.join(", ", kinds()));
        }
        if (!errors.containsKey("ownerEmail") && members.memberByEmail(workspace, command.ownerEmail()).isEmpty()) {
            errors.put("ownerEmail", "'" + command.ownerEmail() + "' is not a member of this workspace");
        }
        // Every source that reads a monitoring connection's resources needs one, whichever kind it serves.
        boolean throughConnection = command.kind() != null
                && (NEED_CONNECTION.contains(command.kind()) || sources.get(command.kind()) instanceof ConnectionAccountSource);
        if (throughConnection && command.connectionId() == null) {
            errors.put("connectionId", "the monitoring connection to read the accounts through");
        }
        AccountSource source = command.kind() == null ? null : sources.get(command.kind());
        if (source != null && !source.targetHint().isEmpty() && !throughConnection
                && (command.target() == null || command.target().isBlank())) {
            errors.put("target", source.targetHint());
        }
        if (!errors.containsKey("name") && command.name() != null) {
            store.findByName(workspace, command.name().strip()).filter(r -> !r.id().equals(self))
                    .ifPresent(r -> errors.put("name", "another system is already called '" + r.name() + "'"));
        }
        CommandChecks.throwIfAny(errors);
    }

    private String seal(UUID id, Map<String, String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            return null;
        }
        return masterKey.seal(Columns.json(new HashMap<>(secrets)), PURPOSE, id.toString());
    }

    private ReviewSystem view(WorkspaceId workspace, SystemStore.Row row) {
        Set<String> names = new TreeSet<>();
        if (row.sealedSecrets() != null) {
            try {
                names.addAll(secrets(row).keySet());
            } catch (RuntimeException e) {
                names.add("(unreadable: sealed under another master key)");
            }
        }
        return new ReviewSystem(row.id(), row.name(), row.kind(), row.ownerEmail(), row.connectionId(), row.target(), row.settings(),
                names, row.lastCollectedAt(), row.lastError(), store.accountCount(workspace, row.id()));
    }

    private static Map<String, String> settings(SaveSystem command) {
        return command.settings() == null ? Map.of() : Map.copyOf(command.settings());
    }

    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
