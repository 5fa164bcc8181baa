package dev.steward.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request and every error answer must satisfy, whoever handles it: a {@code Content-Type} that is not a
 * valid, concrete media type is a 415 before any handler reads the body, and an error status answered without a
 * body (e.g. actuator's 404 for an unknown health component) gets a Graph error body.
 */
public class GraphEdgeFilter extends OncePerRequestFilter {

    private final GraphErrors errors;

    public GraphEdgeFilter(GraphErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcreteMediaType(contentType)) {
            errors.write(request, response, GraphFailure.forStatus(415));
            return;
        }
        BodyTracking tracking = new BodyTracking(response);
        chain.doFilter(request, tracking);
        if (tracking.getStatus() >= 400 && !tracking.bodyStarted && !response.isCommitted()
                && !"HEAD".equals(request.getMethod())) {
            response.resetBuffer();
            errors.write(request, response, GraphFailure.forStatus(tracking.getStatus()));
        }
    }

    private static boolean isConcreteMediaType(String value) {
        try {
            MediaType type = MediaType.parseMediaType(value);
            return type.isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Notes whether anything asked to write a body. */
    private static final class BodyTracking extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        BodyTracking(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc) throws IOException {
            bodyStarted = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            bodyStarted = true;
            super.sendError(sc, msg);
        }
    }
}
