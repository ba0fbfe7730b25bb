package dev.attest.web;

import jakarta.servlet.http.HttpServletRequest;

/** A page controller returns the whole page, or only the fragment htmx asked for. */
public final class Htmx {

    private Htmx() {
    }

    /** Whether htmx sent the request (it carries {@code HX-Request: true}). */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The view to render: {@code template :: fragment} for htmx, the full template otherwise. */
    public static String view(HttpServletRequest request, String template, String fragment) {
        return isHtmx(request) ? template + " :: " + fragment : template;
    }
}
