package dev.attest.monitoring.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.monitoring.ControlMonitors;
import dev.attest.monitoring.MonitoringCoverage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Automation coverage: the catalog's controls by their strongest monitor, as JSON and as a page. */
@Controller
@Tag(name = "Monitoring coverage", description = "Controls by their strongest monitor: technical, record, freshness, attestation, none")
@RequiredArgsConstructor
class CoverageController {

    private final ControlMonitors monitors;

    @GetMapping("/api/v1/monitoring/coverage")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Controls by their strongest monitor, for the catalog, each domain and each framework, with every control's monitors")
    @ResponseBody
    MonitoringCoverage coverage(CurrentUser user) {
        return monitors.coverage(user.workspaceId());
    }

    @GetMapping("/monitoring/coverage")
    @RequiresPermission(Permission.MONITORING_READ)
    String page(CurrentUser user, Model model) {
        model.addAttribute("coverage", monitors.coverage(user.workspaceId()));
        model.addAttribute("kinds", java.util.List.of("technical", "record", "freshness", "attestation", "none"));
        return "monitoring/coverage";
    }
}
