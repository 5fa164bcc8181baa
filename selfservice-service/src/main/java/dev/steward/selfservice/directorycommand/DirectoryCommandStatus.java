package dev.steward.selfservice.directorycommand;

/** Where a command to the directory stands: queued here, sent to Kafka, or answered by the directory. */
public enum DirectoryCommandStatus {
    QUEUED("Queued"),
    SENT("Sent"),
    SUCCEEDED("Succeeded"),
    REJECTED("Rejected");

    private final String wireName;

    DirectoryCommandStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DirectoryCommandStatus fromWireName(String name) {
        for (DirectoryCommandStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown directory command status '" + name + "'");
    }
}
