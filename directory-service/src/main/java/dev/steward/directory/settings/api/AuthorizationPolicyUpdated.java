package dev.steward.directory.settings.api;

/** The tenant's authorization policy changed; {@code policy} is the policy after the change. */
public record AuthorizationPolicyUpdated(String tenantId, AuthorizationPolicy policy) {
}
