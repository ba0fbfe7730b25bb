package dev.attest.monitoring;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.Locale;

/** The ticket that tracks the fix, as a web address. */
public record LinkTicket(@NotBlank(message = "is required") @Size(max = 2000) String ticketUrl) {
    /** The address, refused unless it is an absolute http or https URL with a host. */
    public String url() {
        try {
            URI uri = new URI(ticketUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // refused below, like any other address that is not a web link
        }
        throw new InvalidFieldException("ticketUrl", "an http or https address such as https://tracker.example/PROJ-12");
    }
}
