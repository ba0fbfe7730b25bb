package dev.attest.trustcenter.internal;

import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.PublicFormLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The public pages (never cached) where a visitor subscribes to subprocessor notices, confirms the subscription
 * from the email and unsubscribes, also with a mail client's one-click POST. The honeypot and the limits per
 * client and address are those of {@link PublicForms}.
 */
@Controller
@RequiredArgsConstructor
class SubscriptionPages {

    private final PublicSite site;
    private final NoticeSubscriptions subscriptions;
    private final PublicFormLimits limits;
    private final PublicAddress address;

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return PublicForms.notFound(site, model, response);
    }

    @GetMapping("/trust/subscribe")
    String subscribeForm(Model model) {
        site.shownOn(model);
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "trustcenter/public/subscribe";
    }

    @PostMapping("/trust/subscribe")
    String subscribe(@RequestParam(defaultValue = "") String email,
                     @RequestParam(name = PublicForms.HONEYPOT, defaultValue = "") String honeypot,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        PublicSite.Site s = site.shownOn(model);
        String sent = "If the address is valid, a confirmation email is on its way. Follow its link to start receiving notices.";
        if (!honeypot.isEmpty()) {
            return PublicForms.message(model, response, 200, "Check your inbox", sent);
        }
        try {
            subscriptions.subscribe(s.workspace(), s.published().content().company(), email, request.getRemoteAddr(), address.base(),
                    () -> limits.allow("trust.subscription", request.getRemoteAddr(), email));
            return PublicForms.message(model, response, 200, "Check your inbox", sent);
        } catch (InvalidFieldException e) {
            response.setStatus(400);
            model.addAttribute("email", email);
            model.addAttribute("errors", e.errors());
            return "trustcenter/public/subscribe";
        }
    }

    @GetMapping("/trust/subscriptions/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        site.shownOn(model);
        model.addAttribute("token", token);
        model.addAttribute("action", "confirm");
        return "trustcenter/public/subscription";
    }

    @PostMapping("/trust/subscriptions/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        PublicSite.Site s = site.shownOn(model);
        return subscriptions.confirm(s.workspace(), token)
                .map(email -> PublicForms.message(model, response, 200, "Subscribed", "You will receive subprocessor notices by email."))
                .orElseGet(() -> PublicForms.message(model, response, 404, "This link is not valid", "The confirmation link is unknown."));
    }

    @GetMapping("/trust/subscriptions/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        PublicSite.Site s = site.shownOn(model);
        if (!subscriptions.knownUnsubscribeToken(s.workspace(), token)) {
            return PublicForms.message(model, response, 404, "This link is not valid", "The unsubscribe link is unknown.");
        }
        model.addAttribute("token", token);
        model.addAttribute("action", "unsubscribe");
        return "trustcenter/public/subscription";
    }

    /** Both the button on the page and a mail client's one-click POST (RFC 8058) land here. */
    @PostMapping("/trust/subscriptions/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        PublicSite.Site s = site.shownOn(model);
        return subscriptions.unsubscribe(s.workspace(), token)
                .map(email -> PublicForms.message(model, response, 200, "Unsubscribed", "You will receive no more subprocessor notices."))
                .orElseGet(() -> PublicForms.message(model, response, 404, "This link is not valid", "The unsubscribe link is unknown."));
    }
}
