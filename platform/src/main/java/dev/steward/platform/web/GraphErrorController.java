package dev.steward.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) in Graph's shape, in place of Spring Boot's default JSON and
 * Tomcat's HTML: what filters throw, what Spring Security's firewall rejects, and every {@code sendError}. Written
 * directly, so no {@code Accept} header can turn it into a 406 or 500. Requested directly, it is a 404.
 */
@Controller
public class GraphErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorController.class);

    private final GraphErrors errors;

    public GraphErrorController(GraphErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        GraphFailure failure;
        if (exception instanceof Throwable e) {
            failure = GraphFailure.of(e);
            if (failure.status() >= 500) {
                log.error("unexpected failure of {} {}", request.getAttribute(RequestDispatcher.ERROR_METHOD),
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), e);
            }
        } else if (status instanceof Integer code) {
            failure = GraphFailure.forStatus(code);
        } else {
            failure = GraphFailure.forStatus(404);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        errors.write(request, response, failure);
    }
}
