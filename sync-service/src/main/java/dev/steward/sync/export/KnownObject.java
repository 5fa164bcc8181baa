package dev.steward.sync.export;

import dev.steward.sync.connectorspace.ObjectType;

/**
 * An object synced before (a connector-space entry): a Delta cycle resolves the member and owner DNs of a changed
 * group against these, as it does not read unchanged objects.
 */
public record KnownObject(String cloudId, ObjectType objectType, String distinguishedName) {
}
