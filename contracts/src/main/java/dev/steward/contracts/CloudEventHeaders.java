package dev.steward.contracts;

/**
 * Kafka header names, following the CloudEvents Kafka protocol binding (binary content mode):
 * attributes travel as {@code ce_}-prefixed headers, the record value is the JSON data.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    /** Logical message type, e.g. {@code directory.SourceOfAuthorityChanged}; never a Java class name. */
    public static final String TYPE = "ce_type";
    /** The producing service as a URI reference, e.g. {@code /steward/directory-service}. */
    public static final String SOURCE = "ce_source";
    /** RFC 3339 time of the occurrence. */
    public static final String TIME = "ce_time";
    /** The aggregate the message is about (also the record key). */
    public static final String SUBJECT = "ce_subject";
    /** CloudEvents extension attribute carrying the correlation id. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** CloudEvents extension attribute carrying the schema version of the data. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * The caller's bearer token on a command record ({@code Bearer <jwt>}). The consuming service validates it
     * and authorises the command by the same rules as its HTTP API. Never set on event records.
     */
    public static final String AUTHORIZATION = "authorization";

    /** Set on dead-letter records: why the record could not be processed. */
    public static final String DEAD_LETTER_REASON = "steward_dlt_reason";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
