package dev.attest.people.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.people.Certificate;
import dev.attest.people.Person;
import dev.attest.policies.Acceptance;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.PageForms;
import dev.attest.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The employee portal: a signed-in member sees only what is theirs, found by their email in the
 * roster: policies to read and accept, training to record, the agreement to sign.
 */
@Controller
class PortalPages {

    private final Roster people;
    private final Trainings trainings;
    private final Agreements agreements;
    private final Policies policies;
    private final String agreement;

    PortalPages(Roster people, Trainings trainings, Agreements agreements, Policies policies) {
        this.people = people;
        this.trainings = trainings;
        this.agreements = agreements;
        this.policies = policies;
        try {
            this.agreement = new ClassPathResource("people/confidentiality-agreement.md").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One policy as the portal lists it: the current version, and the person's acceptance of it if any. */
    record PolicyTask(PolicySummary policy, Acceptance acceptance) {
    }

    @GetMapping("/portal")
    @RequiresPermission(Permission.PORTAL_SELF)
    String portal(CurrentUser user, Model model) {
        Optional<Person> me = people.byEmail(user.workspaceId(), user.email());
        model.addAttribute("person", me.orElse(null));
        if (me.isEmpty()) {
            return "people/portal";
        }
        Person person = me.get();
        model.addAttribute("policies", tasks(user, person));
        model.addAttribute("status", people.status(user.workspaceId(), person.id()));
        model.addAttribute("trainings", trainings.trainings(user.workspaceId(), person.id()));
        model.addAttribute("signature", agreements.signature(user.workspaceId(), person.id()).orElse(null));
        model.addAttribute("agreementHtml", policies.render(policies.fill(user.workspaceId(), agreement)));
        return "people/portal";
    }

    private List<PolicyTask> tasks(CurrentUser user, Person person) {
        var records = people.records(user.workspaceId());
        List<Acceptance> mine = records.acceptancesByEmail().getOrDefault(person.email(), List.of());
        return Onboarding.required(person, records.published()).stream()
                .map(s -> new PolicyTask(s, mine.stream().filter(a -> a.versionId().equals(s.current().id())).findFirst().orElse(null)))
                .toList();
    }

    private Person me(CurrentUser user) {
        return people.byEmail(user.workspaceId(), user.email())
                .orElseThrow(() -> new NotFoundException("Your email is not in the roster"));
    }

    private PolicyTask task(CurrentUser user, Person person, UUID policyId) {
        return tasks(user, person).stream().filter(t -> t.policy().policy().id().equals(policyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("This policy is not one you are asked to accept"));
    }

    @GetMapping("/portal/policies/{id}")
    @RequiresPermission(Permission.PORTAL_SELF)
    String policy(CurrentUser user, @PathVariable UUID id, Model model) {
        PolicyTask task = task(user, me(user), id);
        model.addAttribute("task", task);
        model.addAttribute("html", policies.render(task.policy().current().body()));
        return "people/portal-policy";
    }

    @PostMapping("/portal/policies/{id}/accept")
    @RequiresPermission(Permission.PORTAL_SELF)
    String accept(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String version, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Person person = me(user);
        PolicyTask task = task(user, person, id);
        try {
            policies.accept(user.workspaceId(), id, versionNumber(version), person.email(), request.getRemoteAddr(), user.actor());
            redirect.addFlashAttribute("message", "You accepted " + task.policy().policy().title() + ".");
            return "redirect:/portal";
        } catch (PolicyStateException | InvalidFieldException e) {
            model.addAttribute("refused", e.getMessage());
            model.addAttribute("task", task);
            model.addAttribute("html", policies.render(task.policy().current().body()));
            return "people/portal-policy";
        }
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("version", "must be a version number");
        }
    }

    @PostMapping("/portal/training")
    @RequiresPermission(Permission.PORTAL_SELF)
    String training(CurrentUser user, @RequestParam(required = false) String course, @RequestParam(required = false) String completedOn,
                    @RequestParam(required = false) MultipartFile certificate, RedirectAttributes redirect) {
        Person person = me(user);
        return back(redirect, () -> {
            LocalDate on = Fields.date(completedOn, "completedOn");
            trainings.recordTraining(user.workspaceId(), person.id(), course, on, certificate(certificate), user.actor());
            return "Training recorded.";
        });
    }

    private static Certificate certificate(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            return null;
        }
        try {
            return new Certificate(upload.getOriginalFilename(), upload.getContentType(), upload.getBytes());
        } catch (IOException e) {
            throw new InvalidFieldException("certificate", "could not be read");
        }
    }

    @PostMapping("/portal/agreement")
    @RequiresPermission(Permission.PORTAL_SELF)
    String sign(CurrentUser user, @RequestParam(required = false) String signedName, @RequestParam(required = false) String agree,
                HttpServletRequest request, RedirectAttributes redirect) {
        Person person = me(user);
        return back(redirect, () -> {
            if (!"yes".equals(agree)) {
                throw new InvalidFieldException("agree", "tick the box to confirm that you agree");
            }
            agreements.signAgreement(user.workspaceId(), person.id(), signedName, request.getRemoteAddr(), user.actor());
            return "Agreement signed.";
        });
    }

    /** Back to the portal with the change's message, or with the refused fields' errors. */
    private static String back(RedirectAttributes redirect, Supplier<String> change) {
        return PageForms.submit(() -> {
            redirect.addFlashAttribute("message", change.get());
            return "redirect:/portal";
        }, errors -> {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/portal";
        });
    }

}
