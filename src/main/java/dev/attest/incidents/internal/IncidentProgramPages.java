package dev.attest.incidents.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.incidents.IncidentSettings;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** The pages of the response programme rather than of one incident: the exercises held and the notification settings. */
@Controller
@RequiredArgsConstructor
class IncidentProgramPages {

    private final Exercises exercises;
    private final NoticeSettings settings;
    private final IncidentForms forms;

    @GetMapping("/incidents/exercises")
    @RequiresPermission(Permission.INCIDENTS_READ)
    String exercises(CurrentUser user, Model model) {
        model.addAttribute("exercises", exercises.list(user.workspaceId()));
        model.addAttribute("canManage", user.can(Permission.INCIDENTS_MANAGE));
        return "incidents/exercises";
    }

    @PostMapping("/incidents/exercises")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String recordExercise(CurrentUser user, Model model, @RequestParam(required = false) String heldOn,
                          @RequestParam(required = false) String scenario, @RequestParam(required = false) String participants,
                          @RequestParam(required = false) String findings) {
        try {
            exercises.record(user.workspaceId(), forms.exercise(user.workspaceId(), heldOn, scenario, IncidentPages.lines(participants), findings),
                    user.actor());
            return "redirect:/incidents/exercises";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", Map.of("heldOn", IncidentPages.nz(heldOn), "scenario", IncidentPages.nz(scenario), "participants", IncidentPages.nz(participants),
                    "findings", IncidentPages.nz(findings)));
            return exercises(user, model);
        }
    }

    @GetMapping("/incidents/settings")
    @RequiresPermission(Permission.INCIDENTS_READ)
    String settings(CurrentUser user, Model model) {
        IncidentSettings s = settings.settings(user.workspaceId());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("customerNoticeHours", String.valueOf(s.customerNoticeHours()), "timeZone", s.zone().getId()));
        }
        model.addAttribute("canManage", user.can(Permission.INCIDENTS_MANAGE));
        return "incidents/settings";
    }

    @PostMapping("/incidents/settings")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String saveSettings(CurrentUser user, Model model, @RequestParam(required = false) String customerNoticeHours,
                        @RequestParam(required = false) String timeZone) {
        try {
            settings.change(user.workspaceId(), forms.settings(customerNoticeHours, timeZone), user.actor());
            model.addAttribute("saved", true);
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", Map.of("customerNoticeHours", IncidentPages.nz(customerNoticeHours), "timeZone", IncidentPages.nz(timeZone)));
        }
        return settings(user, model);
    }
}
