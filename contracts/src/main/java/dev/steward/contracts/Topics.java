package dev.steward.contracts;

/**
 * Kafka topic names. Every service publishes and consumes only these; a dead-letter topic is the
 * source topic with {@link #DEAD_LETTER_SUFFIX} appended.
 */
public final class Topics {

    /** Commands for the directory: {@code ChangeSourceOfAuthority}, {@code SyncGroup}, {@code SyncUser}. */
    public static final String DIRECTORY_COMMANDS = "steward.directory.commands";
    /** One {@code CommandResult} per command consumed from {@link #DIRECTORY_COMMANDS}. */
    public static final String DIRECTORY_COMMAND_RESULTS = "steward.directory.command-results";
    /** Integration events of the directory: groups, users, Source of Authority. */
    public static final String DIRECTORY_EVENTS = "steward.directory.events";
    /** Commands for self-service: {@code RequestMembership}. */
    public static final String SELFSERVICE_COMMANDS = "steward.selfservice.commands";
    /** One {@code CommandResult} per command consumed from {@link #SELFSERVICE_COMMANDS}. */
    public static final String SELFSERVICE_COMMAND_RESULTS = "steward.selfservice.command-results";
    /** Integration events of self-service: membership requests. */
    public static final String SELFSERVICE_EVENTS = "steward.selfservice.events";
    /** Self-service's notifications: who was told what about a membership request ({@code NotificationIssued}). */
    public static final String SELFSERVICE_NOTIFICATIONS = "steward.selfservice.notifications";
    /** Integration events of the sync engine: cycles and skipped changes. */
    public static final String SYNC_EVENTS = "steward.sync.events";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** The event topics the audit service projects. */
    public static final String[] EVENT_TOPICS = {DIRECTORY_EVENTS, SELFSERVICE_EVENTS, SYNC_EVENTS};

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
