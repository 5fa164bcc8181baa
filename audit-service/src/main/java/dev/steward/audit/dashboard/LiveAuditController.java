package dev.steward.audit.dashboard;

import dev.steward.audit.directoryaudit.web.AuditLogReadPolicy;
import dev.steward.platform.security.Callers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Steward's {@code GET /v1.0/auditLogs/directoryAudits/stream}: the entries added from now on, as Server-Sent Events
 * ({@link LiveAuditFeed}). Authorised like the list, with the bearer token in the {@code Authorization} header (a
 * browser reads it with {@code fetch}, not {@code EventSource}, which cannot send headers).
 */
@RestController
public class LiveAuditController {

    static final String PATH = "/v1.0/auditLogs/directoryAudits/stream";

    private final LiveAuditFeed feed;
    private final AuditLogReadPolicy policy;

    public LiveAuditController(LiveAuditFeed feed, AuditLogReadPolicy policy) {
        this.feed = feed;
        this.policy = policy;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        policy.check(Callers.current());
        return feed.subscribe();
    }

    /** A reader that went away is the normal end of a stream, not a failure to report (or answer). */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void readerGone() {
        // nothing to answer: the connection is closed
    }
}
