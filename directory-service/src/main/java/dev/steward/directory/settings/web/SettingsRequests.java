package dev.steward.directory.settings.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.SettingValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the settings' Graph request bodies; JSON shape and value types are checked here. */
final class SettingsRequests {

    private static final Set<String> POLICY_READ_ONLY = Set.of("id", "displayName", "description",
            "guestUserRoleId");
    private static final String DEFAULT_PERMISSIONS = "defaultUserRolePermissions";

    private SettingsRequests() {
    }

    /** {@code PATCH /policies/authorizationPolicy}: the changes, keyed as {@link AuthorizationPolicy#with} reads. */
    static Map<String, Object> authorizationPolicyChanges(JsonNode body) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : GraphJson.properties(body).entrySet()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (POLICY_READ_ONLY.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.READ_ONLY_PROPERTY, name);
            } else if (name.equals("allowInvitesFrom")) {
                if (!value.isString() || !AuthorizationPolicy.INVITES_FROM.contains(value.asString())) {
                    throw invalid(name);
                }
                changes.put(name, value.asString());
            } else if (AuthorizationPolicy.BOOLEANS.contains(name)) {
                changes.put(name, bool(name, value));
            } else if (name.equals(DEFAULT_PERMISSIONS)) {
                for (Map.Entry<String, JsonNode> nested : GraphJson.properties(value).entrySet()) {
                    if (!AuthorizationPolicy.DEFAULT_USER_ROLE_PERMISSIONS.contains(nested.getKey())) {
                        throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_PROPERTY,
                                DEFAULT_PERMISSIONS + "." + nested.getKey());
                    }
                    changes.put(DEFAULT_PERMISSIONS + "." + nested.getKey(), bool(nested.getKey(), nested.getValue()));
                }
            } else {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
            }
        }
        return changes;
    }

    /** The {@code templateId} of {@code POST /groupSettings}. */
    static String templateId(JsonNode body) {
        JsonNode value = GraphJson.properties(body).get("templateId");
        if (value == null || !value.isString()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, "templateId", "DirectorySetting");
        }
        return value.asString();
    }

    /**
     * {@code values} of a group setting body: {@code [{"name": "...", "value": "..."}]}. Other properties than
     * {@code values} (and {@code templateId}, {@code displayName} when creating) are 400.
     */
    static List<SettingValue> values(JsonNode body, boolean creating) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        for (String name : properties.keySet()) {
            boolean known = name.equals("values") || creating && (name.equals("templateId")
                    || name.equals("displayName"));
            if (!known) {
                throw new DirectoryException(name.equals("id") || name.equals("templateId")
                        ? DirectoryErrorCode.READ_ONLY_PROPERTY : DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
            }
        }
        JsonNode values = properties.get("values");
        if (values == null || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, "values", "DirectorySetting");
        }
        List<SettingValue> read = new ArrayList<>();
        for (JsonNode item : values) {
            JsonNode name = item.isObject() ? item.get("name") : null;
            JsonNode value = item.isObject() ? item.get("value") : null;
            if (name == null || !name.isString() || value != null && !value.isNull() && !value.isString()) {
                throw new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, "values", "DirectorySetting");
            }
            read.add(new SettingValue(name.asString(), value == null || value.isNull() ? "" : value.asString()));
        }
        return read;
    }

    private static boolean bool(String name, JsonNode value) {
        if (value == null || !value.isBoolean()) {
            throw invalid(name);
        }
        return value.booleanValue();
    }

    private static DirectoryException invalid(String name) {
        return new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, name, "AuthorizationPolicy");
    }

}
