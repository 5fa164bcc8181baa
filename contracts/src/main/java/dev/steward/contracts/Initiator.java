package dev.steward.contracts;

/**
 * Who caused a change: a signed-in user, an application, or both (delegated access). Mirrors Graph's
 * {@code initiatedBy}. Never holds a credential.
 */
public record Initiator(
        String userId,
        String userPrincipalName,
        String displayName,
        String appId,
        String appDisplayName,
        String ipAddress) {

    public static Initiator app(String appId, String appDisplayName) {
        return new Initiator(null, null, null, appId, appDisplayName, null);
    }

    public static Initiator user(String userId, String userPrincipalName, String displayName) {
        return new Initiator(userId, userPrincipalName, displayName, null, null, null);
    }
}
