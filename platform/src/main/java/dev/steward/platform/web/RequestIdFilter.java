package dev.steward.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a {@code request-id} and echoes the caller's {@code client-request-id} (or a new one), as
 * Graph does, on the response and in error bodies.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        assignIds(request, response);
        chain.doFilter(request, response);
    }

    /**
     * Gives the request its ids unless it has them; also for answers written before this filter ran (Tomcat's own
     * refusals). A {@code client-request-id} that is blank, longer than 100 characters or not plain text is replaced.
     */
    static void assignIds(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(REQUEST_ID) == null) {
            String requestId = UUID.randomUUID().toString();
            String clientRequestId = request.getHeader(CLIENT_REQUEST_ID);
            if (clientRequestId == null || clientRequestId.isBlank() || clientRequestId.length() > 100
                    || !clientRequestId.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                clientRequestId = requestId;
            }
            request.setAttribute(REQUEST_ID, requestId);
            request.setAttribute(CLIENT_REQUEST_ID, clientRequestId);
        }
        if (!response.isCommitted()) {
            response.setHeader(REQUEST_ID, request.getAttribute(REQUEST_ID).toString());
            response.setHeader(CLIENT_REQUEST_ID, request.getAttribute(CLIENT_REQUEST_ID).toString());
        }
    }

    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    static String clientRequestId(HttpServletRequest request) {
        String id = correlationId(request);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    /**
     * The id that ties what a request causes to the call: its {@code client-request-id} as this filter kept it (the
     * client's, or the request id when the client sent none or an unusable one); null when the filter has not run.
     */
    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(CLIENT_REQUEST_ID);
        if (id == null) {
            id = request.getAttribute(REQUEST_ID);
        }
        return id == null ? null : id.toString();
    }
}
