package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Change a cloud group's properties, as {@code PATCH /groups/{id}} does: {@code properties} holds the properties to
 * set and their new values (null clears), e.g. {@code {"displayName": "Engineering Team", "description": null}}.
 * The same properties may be set and the same errors answered as over HTTP.
 */
public record UpdateGroup(CommandMetadata metadata, String groupId, Map<String, String> properties)
        implements ContractCommand {

    public UpdateGroup {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        if (properties == null || properties.isEmpty()) {
            throw new IllegalArgumentException("properties must name at least one property");
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @Override
    public String key() {
        return groupId;
    }
}
