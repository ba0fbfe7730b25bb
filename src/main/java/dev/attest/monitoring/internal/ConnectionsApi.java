package dev.attest.monitoring.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.monitoring.Connection;
import dev.attest.monitoring.ConnectionRun;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.internal.collectors.FileImports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Connections", description = "Collectors configured against real systems, their runs, and file imports")
@RequiredArgsConstructor
class ConnectionsApi {

    private final Connections connections;
    private final ResourceIntake intake;
    private final FileImports imports;
    private final RunQueue runs;

    @GetMapping("/connections")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Connections with their latest run")
    List<Connection> list(CurrentUser user) {
        return connections.list(user.workspaceId());
    }

    @GetMapping("/connection-kinds")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The collector kinds and what their target means")
    Map<String, String> kinds() {
        return connections.targetHints();
    }

    @GetMapping("/connection-kinds/{kind}/setup")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "What to grant before connecting a system of this kind: steps with text to copy (policies, scopes, roles)")
    List<Collector.SetupStep> setup(@PathVariable String kind) {
        return connections.setup(kind);
    }

    @PostMapping("/connections/{id}/test")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // it makes the server reach the target with the stored credentials
    @Operation(summary = "Test the stored credentials: whether they work, and each permission that is missing; stores nothing")
    Connections.ConnectionTest test(CurrentUser user, @PathVariable UUID id) {
        return connections.test(user.workspaceId(), id);
    }

    @PostMapping("/connections")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // a connection points the server at a network address: admins only
    @Operation(summary = "Create a connection: name, kind, target, secrets (stored encrypted), intervalMinutes (default 60)")
    ResponseEntity<Connection> create(CurrentUser user, @RequestBody Connections.Draft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(connections.create(user.workspaceId(), draft, user.actor()));
    }

    @GetMapping("/connections/{id}")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "One connection")
    Connection get(CurrentUser user, @PathVariable UUID id) {
        return connections.get(user.workspaceId(), id);
    }

    @PatchMapping("/connections/{id}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // a connection points the server at a network address: admins only
    @Operation(summary = "Change name, target, secrets, interval or enabled; fields left out keep their value")
    Connection update(CurrentUser user, @PathVariable UUID id, @RequestBody Connections.Draft draft) {
        return connections.update(user.workspaceId(), id, draft, user.actor());
    }

    @DeleteMapping("/connections/{id}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // a connection points the server at a network address: admins only
    @Operation(summary = "Delete a connection and its runs")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        connections.delete(user.workspaceId(), id, user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/connections/{id}/runs")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Run now: starts a run in the background; poll the run for its progress")
    ResponseEntity<ConnectionRun> runNow(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.request(user.workspaceId(), id, user.actor()));
    }

    @GetMapping("/connections/{id}/runs")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The connection's runs, most recent first")
    List<ConnectionRun> runs(CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return connections.runs(user.workspaceId(), id, limit);
    }

    @GetMapping("/runs/{runId}")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "One run, with its progress while it goes")
    ConnectionRun run(CurrentUser user, @PathVariable UUID runId) {
        return connections.run(user.workspaceId(), runId);
    }

    @PostMapping(value = "/resources/import", consumes = {"text/csv", "text/plain", "application/json", "application/octet-stream"})
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Import an exported file: format=aws-iam-credential-report (CSV) or json (a list of {type, id, data})")
    ResponseEntity<Evaluation> importFile(CurrentUser user, @RequestParam String format, @RequestBody String content) {
        var resources = imports.parse(format, content);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(intake.receive(user.workspaceId(), resources, "import:" + format, user.actor()));
    }
}
