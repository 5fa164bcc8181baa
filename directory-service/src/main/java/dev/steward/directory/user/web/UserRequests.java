package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.user.api.CreateCloudUser;
import dev.steward.directory.user.api.UpdateCloudUser;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads Graph's user request bodies into commands. {@code passwordProfile} is checked for shape (an object with a
 * non-empty {@code password}) and dropped here: the directory keeps no credentials, and the password never reaches
 * a command, an event, a log line or a response.
 */
final class UserRequests {

    static final String PASSWORD_PROFILE = "passwordProfile";
    private static final Set<String> PASSWORD_PROFILE_PROPERTIES = Set.of("password",
            "forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa");
    private static final Set<String> CREATABLE = Set.of("accountEnabled", "displayName", "mail", "mailNickname",
            "userPrincipalName", PASSWORD_PROFILE);

    private UserRequests() {
    }

    /** {@code POST /users}: {@code accountEnabled}, {@code displayName}, {@code mailNickname}, {@code userPrincipalName}
     * and {@code passwordProfile} are required. */
    static CreateCloudUser create(String userId, JsonNode body) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        properties.keySet().stream().filter(name -> !CREATABLE.contains(name)).sorted().findFirst()
                .ifPresent(name -> {
                    throw new DirectoryException(name.equals("id") || name.startsWith("onPremises")
                            || name.equals("createdDateTime") ? DirectoryErrorCode.READ_ONLY_PROPERTY
                            : DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
                });
        checkPasswordProfile(properties.get(PASSWORD_PROFILE), true);
        JsonNode enabled = properties.get("accountEnabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw invalid("accountEnabled");
        }
        return new CreateCloudUser(userId, required(properties, "userPrincipalName"),
                required(properties, "displayName"), required(properties, "mailNickname"), text(properties, "mail"),
                enabled.booleanValue());
    }

    /** {@code PATCH /users/{id}}: the properties the body names; which may be set is the aggregate's rule. */
    static UpdateCloudUser update(String userId, JsonNode body) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        if (properties.containsKey(PASSWORD_PROFILE)) {
            checkPasswordProfile(properties.remove(PASSWORD_PROFILE), false);
        }
        Boolean enabled = null;
        JsonNode value = properties.get("accountEnabled");
        if (value != null) {
            if (!value.isBoolean()) {
                throw invalid("accountEnabled");
            }
            enabled = value.booleanValue();
        }
        return new UpdateCloudUser(userId, properties.keySet(), text(properties, "userPrincipalName"),
                text(properties, "displayName"), text(properties, "mailNickname"), text(properties, "mail"), enabled);
    }

    /**
     * A {@code passwordProfile} object with a non-empty {@code password} (a PATCH may also leave it out, to force a
     * change at next sign-in only). The value is looked at, never kept.
     */
    private static void checkPasswordProfile(JsonNode profile, boolean passwordRequired) {
        if (profile == null || !profile.isObject()) {
            throw invalid(PASSWORD_PROFILE);
        }
        for (Map.Entry<String, JsonNode> entry : profile.properties()) {
            if (!PASSWORD_PROFILE_PROPERTIES.contains(entry.getKey())
                    || !entry.getKey().equals("password") && !entry.getValue().isBoolean()) {
                throw invalid(PASSWORD_PROFILE);
            }
        }
        JsonNode password = profile.get("password");
        boolean present = password != null && password.isString() && !password.asString().isEmpty();
        if (passwordRequired ? !present : password != null && !present) {
            throw invalid(PASSWORD_PROFILE);
        }
    }

    private static String required(Map<String, JsonNode> properties, String name) {
        String value = text(properties, name);
        if (value == null) {
            throw invalid(name);
        }
        return value;
    }

    private static String text(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(name);
        }
        return value.asString();
    }

    private static DirectoryException invalid(String name) {
        return new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, name, "User");
    }

}
