package dev.steward.directory.group.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a group in the cloud directory (a security group or a Microsoft 365 group). */
public record CreateGroup(
        @TargetAggregateIdentifier String groupId,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String visibility) {
}
