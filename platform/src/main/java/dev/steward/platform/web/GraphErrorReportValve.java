package dev.steward.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report in Graph's shape: what Tomcat refuses before any servlet or filter runs (invalid characters
 * or percent-encoding in the request line, headers too large, broken chunked encoding, an unknown transfer coding
 * or HTTP version) and any error Spring did not answer. Replaces Tomcat's HTML page; installed on the host by
 * {@code PlatformAutoConfiguration}.
 */
public class GraphErrorReportValve extends ErrorReportValve {

    private final GraphErrors errors = new GraphErrors(Clock.systemUTC());

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        GraphFailure failure = throwable == null ? GraphFailure.forStatus(status) : GraphFailure.of(throwable);
        if (throwable != null && failure.status() >= 500) {
            failure = GraphFailure.forStatus(status);
        }
        try {
            response.resetBuffer();
            errors.write(request, response, failure);
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
