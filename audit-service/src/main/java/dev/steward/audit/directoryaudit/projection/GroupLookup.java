package dev.steward.audit.directoryaudit.projection;

import java.util.Optional;

/** Finds a group the audit log has seen a snapshot of; empty for a group it does not know. */
@FunctionalInterface
public interface GroupLookup {

    /** Knows no group: entries name groups by id only. */
    GroupLookup NONE = groupId -> Optional.empty();

    Optional<AuditedGroup> find(String groupId);
}
