package dev.attest.privacy.internal;

import dev.attest.privacy.NewRequest;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestType;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ModelAttribute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public data-subject request form on the Trust Center, no sign-in: submit, then confirm from
 * the link emailed to the address given. The honeypot field {@code website} is hidden from people;
 * a bot that fills it is shown the usual answer and nothing is held or sent.
 */
@Controller
@RequiredArgsConstructor
class PublicRequestForm {

    private static final Logger log = LoggerFactory.getLogger(PublicRequestForm.class);

    private final PublicRequestIntake intake;
    private final RequestForms forms;
    private final PublicWorkspace publicWorkspace;
    private final TrustCenter trustCenter;

    /** The published Trust Center these pages belong to, so they carry its company name and navigation. */
    @ModelAttribute("tc")
    TrustCenterContent trustCenter() {
        return publicWorkspace.workspace().flatMap(trustCenter::published).map(PublishedTrustCenter::content)
                .orElseGet(() -> TrustCenterContent.empty("Our"));
    }

    @GetMapping("/trust/privacy/request")
    @PreAuthorize("permitAll()")
    String form(Model model) {
        prepare(model, new NewRequest("access", "gdpr", "", "", ""));
        return "privacy/public-form";
    }

    private static void prepare(Model model, NewRequest form) {
        model.addAttribute("form", form);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("laws", PrivacyLaw.values());
    }

    @PostMapping("/trust/privacy/request")
    @PreAuthorize("permitAll()")
    String submit(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String law,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String details, @RequestParam(required = false) String website) {
        NewRequest form = new NewRequest(type, law, name, email, details);
        if (website != null && !website.isBlank()) {
            return "privacy/public-sent";
        }
        try {
            intake.submit(forms.receipt(form), request.getRemoteAddr());
            return "privacy/public-sent";
        } catch (InvalidFieldException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            prepare(model, form);
            model.addAttribute("errors", e.errors());
            return "privacy/public-form";
        } catch (RuntimeException e) {
            log.error("A public privacy request could not be taken", e);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            prepare(model, form);
            model.addAttribute("refused", "We could not take your request just now. Please try again later.");
            return "privacy/public-form";
        }
    }

    @GetMapping("/trust/privacy/request/confirm")
    @PreAuthorize("permitAll()")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var pending = intake.pending(token);
        if (pending.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "privacy/public-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("pending", pending.get());
        model.addAttribute("typeLabel", WireName.parse(RequestType.class, pending.get().type()).map(RequestType::label).orElse(""));
        return "privacy/public-confirm";
    }

    @PostMapping("/trust/privacy/request/confirm")
    @PreAuthorize("permitAll()")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("request", intake.confirm(token));
            return "privacy/public-received";
        } catch (InvalidFieldException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "privacy/public-invalid";
        }
    }
}
