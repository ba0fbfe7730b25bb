package dev.attest.people.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.people.ImportResult;
import dev.attest.people.PersonCompliance;
import dev.attest.people.Person;
import dev.attest.people.PersonStatus;
import dev.attest.policies.Policies;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The people page (per person done, due, overdue; the share fully compliant), a person's page, adding and importing. */
@Controller
@RequiredArgsConstructor
class PeoplePages {

    private final Roster people;
    private final PeopleForms forms;
    private final Policies policies;
    private final PeopleImport imports;
    private final Offboarding offboarding;
    private final Trainings trainings;
    private final BackgroundChecks checks;

    @GetMapping("/people")
    @RequiresPermission(Permission.PEOPLE_READ)
    String list(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String state,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(required = false) String page) {
        ComplianceStore.Filter filter = new ComplianceStore.Filter(q, state);
        long total = people.count(user.workspaceId(), filter);
        TableQuery query = TableQuery.lenient(sort, dir, page, ComplianceStore.SORTS.keySet(), "name", false).within(total);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", filter.text());
        filters.put("state", filter.state());
        model.addAttribute("summary", people.compliance(user.workspaceId()));
        model.addAttribute("table", new TablePage<>(people.roster(user.workspaceId(), filter, query), total, query, "/people", filters));
        model.addAttribute("state", filter.state());
        model.addAttribute("q", q);
        model.addAttribute("canWrite", user.can(Permission.PEOPLE_WRITE));
        return Htmx.view(request, "people/list", "roster");
    }

    @GetMapping("/people/export")
    @RequiresPermission(Permission.PEOPLE_READ)
    void export(CurrentUser user, HttpServletResponse response, @RequestParam(required = false) String state,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir) throws IOException {
        TableQuery query = TableQuery.lenient(sort, dir, null, ComplianceStore.SORTS.keySet(), "name", false);
        List<PersonCompliance> rows = people.roster(user.workspaceId(), new ComplianceStore.Filter(q, state),
                new TableQuery(query.sort(), query.descending(), 1, RosterTable.CSV_LIMIT));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"people.csv\"");
        RosterTable.csv(rows, response.getWriter());
    }

    @GetMapping("/people/new")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String newPerson(CurrentUser user, Model model) {
        model.addAttribute("form", PersonForm.empty());
        model.addAttribute("policies", policies.list(user.workspaceId()));
        return "people/new";
    }

    @PostMapping("/people")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String add(CurrentUser user, @RequestParam(required = false) String name, @RequestParam(required = false) String email,
               @RequestParam(required = false) String title, @RequestParam(required = false) String department,
               @RequestParam(required = false) String managerEmail, @RequestParam(required = false) String employmentType,
               @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
               @RequestParam(required = false) List<String> requiredPolicies, Model model) {
        PersonForm form = new PersonForm(name, email, title, department, managerEmail, employmentType, startDate, endDate,
                requiredPolicies);
        return PageForms.submit(() -> "redirect:/people/" + people.add(user.workspaceId(), forms.person(user.workspaceId(), null, form),
                null, user.actor()).id(), errors -> {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("policies", policies.list(user.workspaceId()));
            return "people/new";
        });
    }

    @GetMapping("/people/{id}")
    @RequiresPermission(Permission.PEOPLE_READ)
    String person(CurrentUser user, @PathVariable UUID id, Model model) {
        PersonStatus status = people.status(user.workspaceId(), id);
        model.addAttribute("status", status);
        model.addAttribute("person", status.person());
        boolean sensitive = user.can(Permission.PEOPLE_SENSITIVE);
        model.addAttribute("sensitive", sensitive);
        model.addAttribute("check", checks.backgroundCheck(user.workspaceId(), id, sensitive).orElse(null));
        model.addAttribute("tasks", offboarding.tasks(user.workspaceId(), id));
        model.addAttribute("trainings", trainings.trainings(user.workspaceId(), id));
        model.addAttribute("canWrite", user.can(Permission.PEOPLE_WRITE));
        return "people/person";
    }

    @PostMapping("/people/{id}/end-date")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String endDate(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String endDate, RedirectAttributes redirect) {
        Person p = people.get(user.workspaceId(), id);
        return PageForms.submit(() -> {
            people.update(user.workspaceId(), id, forms.endDate(user.workspaceId(), p, endDate), user.actor());
            return "redirect:/people/" + id;
        }, errors -> {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/people/" + id;
        });
    }

    @PostMapping("/people/{id}/background-check")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String backgroundCheck(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String completedOn, @RequestParam(required = false) String provider,
                           @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return PageForms.submit(() -> {
            checks.recordBackgroundCheck(user.workspaceId(), id, status, completedOn, provider, outcome, user.actor());
            redirect.addFlashAttribute("message", "Background check saved.");
            return "redirect:/people/" + id;
        }, errors -> {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/people/" + id;
        });
    }

    @PostMapping("/people/{id}/offboarding/{taskId}/confirm")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String confirm(CurrentUser user, @PathVariable UUID id, @PathVariable UUID taskId) {
        offboarding.confirmRevocation(user.workspaceId(), id, taskId, user.actor());
        return "redirect:/people/" + id;
    }

    @GetMapping("/people/import")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String importPage(Model model) {
        model.addAttribute("header", RosterCsv.header());
        return "people/import";
    }

    @PostMapping("/people/import")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    String preview(CurrentUser user, @RequestParam(defaultValue = "") String csv, @RequestParam(defaultValue = "false") boolean confirm,
                   Model model, RedirectAttributes redirect) {
        ImportResult result = confirm ? imports.importCsv(user.workspaceId(), csv, user.actor()) : imports.preview(user.workspaceId(), csv);
        if (confirm && result.valid()) {
            redirect.addFlashAttribute("message", result.saved() + " people imported.");
            return "redirect:/people";
        }
        model.addAttribute("header", RosterCsv.header());
        model.addAttribute("csv", csv);
        model.addAttribute("result", result);
        return "people/import";
    }

}
