package dev.steward.directory.group.api;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A cloud edit of a group ({@code PATCH /groups/{id}}).
 *
 * @param properties every property name the request set, writable or not: the aggregate refuses read-only and
 *                   unknown ones, and takes the values below only for the names listed here
 * @param addedMemberIds {@code members@odata.bind}: up to 20 members added with the same all-or-nothing rules
 */
public record UpdateGroup(
        @TargetAggregateIdentifier String groupId,
        Set<String> properties,
        String displayName,
        String description,
        String mailNickname,
        String visibility,
        List<String> addedMemberIds) {

    public UpdateGroup {
        properties = properties == null ? Set.of() : Set.copyOf(properties);
        addedMemberIds = addedMemberIds == null ? List.of() : List.copyOf(addedMemberIds);
    }
}
