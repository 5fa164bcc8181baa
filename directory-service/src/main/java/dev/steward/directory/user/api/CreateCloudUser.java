package dev.steward.directory.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a user in the cloud ({@code POST /users}). The request's {@code passwordProfile} is checked for shape at the
 * web edge and dropped there: no password ever reaches a command, an event or a log.
 */
public record CreateCloudUser(
        @TargetAggregateIdentifier String userId,
        String userPrincipalName,
        String displayName,
        String mailNickname,
        String mail,
        boolean accountEnabled) {
}
