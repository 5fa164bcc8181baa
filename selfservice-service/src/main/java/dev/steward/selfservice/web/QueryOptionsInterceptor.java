package dev.steward.selfservice.web;

import dev.steward.platform.web.GraphException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query option an endpoint does not know with 400, as Graph does, instead of ignoring it: a client that
 * sends {@code $filter} to an endpoint that cannot filter must not believe it got a filtered list. An endpoint knows
 * the {@code @RequestParam}s of its method.
 */
public class QueryOptionsInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> known = Arrays.stream(method.getMethodParameters())
                .map(parameter -> parameter.getParameterAnnotation(RequestParam.class))
                .filter(annotation -> annotation != null)
                .map(annotation -> annotation.name().isEmpty() ? annotation.value() : annotation.name())
                .collect(Collectors.toSet());
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw GraphException.badRequest("Query option '" + name + "' is not supported by this endpoint.");
            }
        }
        return true;
    }
}
