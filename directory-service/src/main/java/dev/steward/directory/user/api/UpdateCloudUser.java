package dev.steward.directory.user.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set some properties of a cloud user ({@code PATCH /users/{id}}); {@code properties} names the ones the body had. */
public record UpdateCloudUser(
        @TargetAggregateIdentifier String userId,
        Set<String> properties,
        String userPrincipalName,
        String displayName,
        String mailNickname,
        String mail,
        Boolean accountEnabled) {

    public UpdateCloudUser {
        properties = Set.copyOf(properties);
    }
}
