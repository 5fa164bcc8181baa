package dev.steward.audit.directoryaudit.projection;

/**
 * What the audit log knows of a group from its last snapshot, to name it in entries of events that carry only its id.
 *
 * @param groupType {@code unifiedGroups} or {@code azureAD}, as in {@code targetResource.groupType}
 */
public record AuditedGroup(String id, String displayName, String groupType) {
}
