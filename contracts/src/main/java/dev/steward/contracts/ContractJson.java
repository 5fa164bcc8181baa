package dev.steward.contracts;

import java.time.Instant;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of contract messages: ISO-8601 instants, nulls written, unknown properties ignored
 * (a newer producer may add fields), and a record's own checks applied on read. Records on the wire are compact;
 * {@link #writePretty} is for people (golden files, examples).
 */
public final class ContractJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("contract-instants").addDeserializer(Instant.class, new InstantDeserializer())
)
            .addModule(new SimpleModule("contract-records") {
                @Override
                public void setupModule(SetupContext context) {
                    context.addValueInstantiators(new SpreadingRecordInstantiators());
                }
            })
            .build();

    private ContractJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object message) {
        return MAPPER.writeValueAsBytes(message);
    }

    public static String writeString(Object message) {
        return MAPPER.writeValueAsString(message);
    }

    public static String writePretty(Object message) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(message);
    }

    /**
     * Reads a message of the given logical type.
     *
     * @throws MalformedMessageException with a reason fit for a dead-letter record
     */
    public static ContractMessage read(String typeName, byte[] json) {
        Class<? extends ContractMessage> type = MessageTypes.classOf(typeName)
                .orElseThrow(() -> new MalformedMessageException("unknown message type '" + typeName + "'"));
        return read(type, json);
    }

    public static <T> T read(Class<T> type, byte[] json) {
        if (json == null || json.length == 0) {
            throw new MalformedMessageException("empty message body");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            Throwable cause = rootCause(e);
            String reason = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : e.getOriginalMessage();
            throw new MalformedMessageException("malformed " + type.getSimpleName() + ": " + reason, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
