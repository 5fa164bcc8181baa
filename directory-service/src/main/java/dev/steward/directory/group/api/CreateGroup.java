package dev.steward.directory.group.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a group in the cloud directory (a security group or a Microsoft 365 group), with the owners and members of
 * {@code owners@odata.bind} and {@code members@odata.bind} (all or nothing; at most 20 each, and a {@code POST /groups}
 * at most 20 together).
 */
public record CreateGroup(
        @TargetAggregateIdentifier String groupId,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String visibility,
        List<String> ownerIds,
        List<String> memberIds) implements ReferencesObjects {

    /** The mail address a Microsoft 365 group gets: its nickname at the directory's mail domain; others get none. */
    public static String mailOf(List<String> groupTypes, boolean mailEnabled, String mailNickname, String mailDomain) {
        return groupTypes != null && groupTypes.contains("Unified") && mailEnabled && mailNickname != null
                ? mailNickname + "@" + mailDomain : null;
    }

    public CreateGroup {
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    @Override
    public List<String> referencedIds() {
        return java.util.stream.Stream.concat(ownerIds.stream(), memberIds.stream()).toList();
    }
}
