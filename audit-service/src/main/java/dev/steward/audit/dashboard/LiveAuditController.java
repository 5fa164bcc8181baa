package dev.steward.audit.dashboard;

import dev.steward.audit.directoryaudit.web.AuditLogReadPolicy;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Steward's {@code GET /v1.0/auditLogs/directoryAudits/stream}: the entries added from now on, as Server-Sent Events
 * ({@link LiveAuditFeed}), for a client that sends {@code Accept: text/event-stream}. Authorised like the list, with
 * the bearer token in the {@code Authorization} header (a browser reads it with {@code fetch}, not
 * {@code EventSource}, which cannot send headers).
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

    /**
     * Only for a client that asks for a stream ({@code Accept: text/event-stream}): one that did not would wait for an
     * answer that never ends. Errors are Graph error bodies in JSON.
     */
    @GetMapping(PATH)
    public SseEmitter stream(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        policy.check(Callers.current());
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw new GraphException(HttpStatus.NOT_ACCEPTABLE, "NotAcceptable",
                    "The live stream answers only requests with 'Accept: text/event-stream'.");
        }
        return feed.subscribe();
    }

    /** A reader that went away is the normal end of a stream, not a failure to report (or answer). */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void readerGone() {
        // nothing to answer: the connection is closed
    }
}
