package dev.steward.directory.group.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.SettableProperties;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.GroupProperties;
import dev.steward.directory.group.api.UpdateGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads Graph request bodies into commands. JSON shape is checked here (an object, strings where strings belong);
 * which properties may be set and what a valid value is, is the aggregate's rule.
 */
final class GroupRequests {

    static final String OWNERS_BIND = "owners@odata.bind";
    static final String MEMBERS_BIND = "members@odata.bind";

    private GroupRequests() {
    }

    static UpdateGroup update(String groupId, JsonNode body) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        List<String> members = bind(properties.remove(MEMBERS_BIND), MEMBERS_BIND);
        return new UpdateGroup(groupId, properties.keySet(),
                text(properties, "displayName"), text(properties, "description"), text(properties, "mailNickname"),
                text(properties, "visibility"), members);
    }

    /** {@code {"@odata.id": "https://<host>/v1.0/directoryObjects/{id}"}}: the referenced id. */
    static String reference(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("@odata.id") || !body.get("@odata.id").isString()) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "The request body must be an object with an '@odata.id' reference.");
        }
        return referencedId(body.get("@odata.id").asString());
    }

    /** The object id a reference URL names: its last path segment, whatever the host and path before it. */
    static String referencedId(String url) {
        String path = url.trim();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.startsWith("directoryObjects(") || last.startsWith("users(") || last.startsWith("groups(")) {
            last = last.substring(last.indexOf('(') + 1, last.length() - (last.endsWith(")") ? 1 : 0))
                    .replace("'", "");
        }
        return ObjectIds.guid(last);
    }

    /**
     * {@code POST /groups}: the mail address of a Microsoft 365 group is its nickname at {@code mailDomain}. Graph binds
     * at most {@value GroupProperties#MAX_BIND} owners and members together at creation; they are counted here, as
     * the request names them, before the creator may be added as owner.
     */
    static CreateGroup create(String groupId, JsonNode body, String mailDomain) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        List<String> owners = bind(properties.remove(OWNERS_BIND), OWNERS_BIND);
        List<String> members = bind(properties.remove(MEMBERS_BIND), MEMBERS_BIND);
        if (owners.size() + members.size() > GroupProperties.MAX_BIND) {
            throw new DirectoryException(DirectoryErrorCode.TOO_MANY_REFERENCES, GroupProperties.MAX_BIND);
        }
        SettableProperties.check(properties.keySet(), GroupProperties.READ_ONLY, GroupProperties.CREATABLE);
        boolean mailEnabled = requiredBoolean(properties, "mailEnabled");
        boolean securityEnabled = requiredBoolean(properties, "securityEnabled");
        List<String> groupTypes = strings(properties, "groupTypes");
        String mailNickname = text(properties, "mailNickname");
        String mail = CreateGroup.mailOf(groupTypes, mailEnabled, mailNickname, mailDomain);
        return new CreateGroup(groupId, text(properties, "displayName"), text(properties, "description"),
                mailNickname, mail, mailEnabled, securityEnabled, groupTypes, text(properties, "visibility"),
                owners, members);
    }

    /** {@code {"isCloudManaged": true|false}}. */
    static boolean isCloudManaged(JsonNode body) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        properties.keySet().stream().filter(name -> !name.equals("isCloudManaged")).sorted().findFirst()
                .ifPresent(name -> {
                    throw new DirectoryException(name.equals("id") ? DirectoryErrorCode.READ_ONLY_PROPERTY
                            : DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
                });
        JsonNode value = properties.get("isCloudManaged");
        if (value == null || !value.isBoolean()) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "Property 'isCloudManaged' is required and must be true or false.");
        }
        return value.booleanValue();
    }


    /** An {@code @odata.bind} list of reference URLs as ids; absent is empty. */
    private static List<String> bind(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "Property '" + name + "' must be an array of object references.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "Property '" + name + "' must be an array of object references.");
            }
            ids.add(referencedId(item.asString()));
        }
        return new ArrayList<>(ids);
    }

    private static String text(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, name);
        }
        return value.asString();
    }

    private static boolean requiredBoolean(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || !value.isBoolean()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, name);
        }
        return value.booleanValue();
    }

    private static List<String> strings(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, name);
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new DirectoryException(DirectoryErrorCode.INVALID_PROPERTY_VALUE, name);
            }
            values.add(item.asString());
        }
        return new ArrayList<>(values);
    }
}
