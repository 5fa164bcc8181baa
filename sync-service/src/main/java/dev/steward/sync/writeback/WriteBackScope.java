package dev.steward.sync.writeback;

import dev.steward.contracts.event.GroupKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Which groups are written back: cloud security groups and SOA-converted security groups (not mail-enabled, not
 * distribution, not Microsoft 365, not groups AD masters), all of them or the selected ones, narrowed by the
 * displayName prefixes.
 */
public final class WriteBackScope {

    private final WriteBackProperties properties;

    public WriteBackScope(WriteBackProperties properties) {
        this.properties = properties;
    }

    /** Why the group is not written back; empty when it is. */
    public Optional<String> exclusion(WriteBackGroup group) {
        if (group.kind() != GroupKind.SECURITY) {
            return Optional.of("not a security group (" + group.kind() + "): only security groups are written back");
        }
        if (!group.cloudNative() && !group.cloudManaged()) {
            return Optional.of("mastered by AD: its Source of Authority is not in the cloud");
        }
        if (properties.selectedOnly() && !properties.selectedGroupIds().contains(group.groupId())) {
            return Optional.of("not one of the selected groups");
        }
        if (!properties.displayNamePrefixes().isEmpty() && !hasPrefix(group.displayName())) {
            return Optional.of("displayName does not start with " + properties.displayNamePrefixes());
        }
        return Optional.empty();
    }

    private boolean hasPrefix(String displayName) {
        if (displayName == null) {
            return false;
        }
        String name = displayName.toLowerCase(Locale.ROOT);
        return properties.displayNamePrefixes().stream().anyMatch(p -> name.startsWith(p.toLowerCase(Locale.ROOT)));
    }
}
