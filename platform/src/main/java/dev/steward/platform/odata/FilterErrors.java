package dev.steward.platform.odata;

import dev.steward.platform.web.GraphException;
import org.springframework.http.HttpStatus;

/** The two 400s of a {@code $filter}: malformed ({@code Request_BadRequest}) and unsupported. */
public final class FilterErrors {

    public static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";
    static final String PREFIX = "Invalid filter clause: ";

    private FilterErrors() {
    }

    /** Malformed input; the message starts with {@value #PREFIX}. */
    public static GraphException malformed(String detail) {
        return GraphException.badRequest(PREFIX + detail);
    }

    static GraphException expected(String what, FilterToken found) {
        return malformed("expected " + what + " at position " + found.position() + ", found " + found.describe()
                + ".");
    }

    /** Well-formed input asking for a property, operator or function the resource does not answer. */
    public static GraphException unsupported(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, UNSUPPORTED_QUERY, message);
    }
}
