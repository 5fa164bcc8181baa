package dev.steward.platform.kafka.access;

/**
 * Who talks to the broker. Each service is its own SCRAM user, named as the service ({@code spring.application.name}),
 * so its {@code ce_source} is {@code /steward/<user name>}; external command senders (other systems, {@code kcat}
 * users) share {@link #COMMAND_SENDER}. The broker's super user is not one of these: it is {@link BrokerSecurity#ADMIN}.
 */
public enum KafkaPrincipal {

    DIRECTORY("directory-service", "steward-directory"),
    SELFSERVICE("selfservice-service", "steward-selfservice"),
    SYNC("sync-service", "steward-sync"),
    AUDIT("audit-service", "steward-audit"),
    /** Sends commands and reads their results; has no consumer group (reads by assignment, as {@code kcat -C}). */
    COMMAND_SENDER("command-sender", null);

    private final String userName;
    private final String consumerGroup;

    KafkaPrincipal(String userName, String consumerGroup) {
        this.userName = userName;
        this.consumerGroup = consumerGroup;
    }

    /** The SCRAM user name, also the service's {@code spring.application.name}. */
    public String userName() {
        return userName;
    }

    /** The one consumer group this principal may use, or null. */
    public String consumerGroup() {
        return consumerGroup;
    }

    /** The {@code ce_source} of what this principal publishes. */
    public String source() {
        return "/steward/" + userName;
    }

    public boolean isService() {
        return this != COMMAND_SENDER;
    }

    /** The principal with this user name, or null. */
    public static KafkaPrincipal byUserName(String userName) {
        for (KafkaPrincipal principal : values()) {
            if (principal.userName.equals(userName)) {
                return principal;
            }
        }
        return null;
    }
}
