package dev.steward.directory.settings.api;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some of the authorization policy's values; see {@link AuthorizationPolicy#with} for the keys. A change to
 * the values the policy has already is no change.
 */
public record UpdateAuthorizationPolicy(@TargetAggregateIdentifier String tenantId, Map<String, Object> changes) {

    public UpdateAuthorizationPolicy {
        changes = Map.copyOf(changes);
    }
}
