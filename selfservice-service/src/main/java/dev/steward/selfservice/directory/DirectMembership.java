package dev.steward.selfservice.directory;

/** Whether a user or group is a direct member of a group, as the read model knows it now. */
@FunctionalInterface
public interface DirectMembership {

    /** False for a null object id and for an unknown group. */
    boolean isDirectMember(String groupId, String objectId);
}
