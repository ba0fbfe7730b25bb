package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/** The audit package download, written straight to the response as it is built. */
@RestController
@Tag(name = "Audit package", description = "The verifiable audit package (ZIP with manifest)")
@RequiredArgsConstructor
class PackageApi {

    private final AuditPackages packages;

    @GetMapping("/api/v1/audits/{id}/package")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The audit package as a ZIP stream; check it offline with 'java -jar attest.jar verify-package FILE'")
    void download(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        send(packages, user, id, response);
    }

    /** Streams the package as an attachment, for the API and the page's button alike. */
    static void send(AuditPackages packages, CurrentUser user, UUID id, HttpServletResponse response) throws IOException {
        // Everything that can refuse (access, no evidence) happens before the first byte is sent.
        AuditPackages.Contents contents = packages.prepare(user, id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-package-" + id + ".zip\"");
        packages.write(contents, response.getOutputStream());
    }
}
