package dev.attest.auditlog.internal;

import dev.attest.identity.UnattributedSignInFailed;
import dev.attest.identity.WorkspaceEvent;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Writes every workspace event into the trail, synchronously and inside the publisher's
 * transaction. That is the guarantee chosen: the entry commits together with the change it
 * records, or the change does not happen at all, so no entry is lost on a crash and none records
 * a change that was rolled back. (An asynchronous {@code @ApplicationModuleListener} would instead
 * retry from the event publication registry after a crash, and could record a change late or twice.)
 * The address and user agent come from the HTTP request that caused the event, when there is one.
 */
@Component
@RequiredArgsConstructor
class AuditRecorder {

    private final AuditStore store;
    private final Clock clock;

    @EventListener
    void on(WorkspaceEvent event) {
        var request = currentRequest();
        store.append(event.workspaceId() == null ? AuditStore.NO_WORKSPACE : event.workspaceId().value(), clock.instant(),
                event.actor(), event.action(), event.target(), event.summary(),
                request == null ? null : request.getRemoteAddr(), request == null ? null : request.getHeader("User-Agent"));
    }

    @EventListener
    void on(UnattributedSignInFailed event) {
        var request = currentRequest();
        store.append(AuditStore.NO_WORKSPACE, clock.instant(), event.actor(), event.action(), event.target(), event.summary(),
                request == null ? null : request.getRemoteAddr(), request == null ? null : request.getHeader("User-Agent"));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }
}
