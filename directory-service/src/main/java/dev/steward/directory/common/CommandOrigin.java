package dev.steward.directory.common;

import dev.steward.contracts.Initiator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who sent a command and under which correlation id. It travels as Axon message metadata from the command to the
 * events it causes (see the correlation data provider in the Axon configuration), so the Kafka publisher can put
 * the initiator and correlation id on every integration event. Axon's own {@code correlationId} key holds the
 * causing message's id, so these keys have their own prefix.
 */
public record CommandOrigin(String correlationId, Initiator initiator) {

    public static final String CORRELATION_ID = "steward.correlationId";
    public static final String USER_ID = "steward.initiator.userId";
    public static final String USER_PRINCIPAL_NAME = "steward.initiator.userPrincipalName";
    public static final String DISPLAY_NAME = "steward.initiator.displayName";
    public static final String APP_ID = "steward.initiator.appId";
    public static final String APP_DISPLAY_NAME = "steward.initiator.appDisplayName";
    public static final String IP_ADDRESS = "steward.initiator.ipAddress";

    /** Every metadata key this record uses: what the correlation data provider copies from commands to events. */
    public static final List<String> KEYS = List.of(CORRELATION_ID, USER_ID, USER_PRINCIPAL_NAME, DISPLAY_NAME, APP_ID,
            APP_DISPLAY_NAME, IP_ADDRESS);

    public MetaData toMetaData() {
        Map<String, String> values = new HashMap<>();
        put(values, CORRELATION_ID, correlationId);
        if (initiator != null) {
            put(values, USER_ID, initiator.userId());
            put(values, USER_PRINCIPAL_NAME, initiator.userPrincipalName());
            put(values, DISPLAY_NAME, initiator.displayName());
            put(values, APP_ID, initiator.appId());
            put(values, APP_DISPLAY_NAME, initiator.appDisplayName());
            put(values, IP_ADDRESS, initiator.ipAddress());
        }
        return MetaData.from(values);
    }

    public static CommandOrigin from(MetaData metaData) {
        Initiator initiator = new Initiator(text(metaData, USER_ID), text(metaData, USER_PRINCIPAL_NAME),
                text(metaData, DISPLAY_NAME), text(metaData, APP_ID), text(metaData, APP_DISPLAY_NAME),
                text(metaData, IP_ADDRESS));
        boolean nobody = initiator.userId() == null && initiator.appId() == null;
        return new CommandOrigin(text(metaData, CORRELATION_ID), nobody ? null : initiator);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
