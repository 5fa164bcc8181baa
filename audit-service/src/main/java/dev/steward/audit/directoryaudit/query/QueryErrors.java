package dev.steward.audit.directoryaudit.query;

import dev.steward.platform.web.GraphException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** The 400 answers of the audit query API, as Graph's reporting APIs give them. */
public final class QueryErrors {

    /** The query is malformed: a syntax error, a bad literal, an out-of-range option. */
    public static final String BAD_REQUEST = "BadRequest";
    /** The query is well formed but asks for something this API does not support. */
    public static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";

    private QueryErrors() {
    }

    public static GraphException badRequest(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, BAD_REQUEST, message);
    }

    /**
     * Runs a shared Graph option parser, answering its malformed-input 400 with this API's {@link #BAD_REQUEST}
     * code; its {@link #UNSUPPORTED_QUERY} answers pass unchanged.
     */
    public static <T> T badRequest(Supplier<T> option) {
        try {
            return option.get();
        } catch (GraphException e) {
            if (UNSUPPORTED_QUERY.equals(e.code())) {
                throw e;
            }
            throw badRequest(e.getMessage());
        }
    }

    public static GraphException unsupported(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, UNSUPPORTED_QUERY, message);
    }
}
