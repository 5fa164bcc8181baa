package dev.steward.directory.license.web;

import dev.steward.contracts.event.AssignedLicense;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.license.api.AssignUserLicenses;
import dev.steward.directory.license.api.UserLicense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads Graph's {@code assignLicense} body: {@code addLicenses} (objects with {@code skuId} and optional
 * {@code disabledPlans}) and {@code removeLicenses} (SKU ids), both required (empty arrays allowed). SKU and plan ids
 * must be GUIDs; anything else is a 400.
 */
final class AssignLicenseRequests {

    private static final Set<String> LICENSE_PROPERTIES = Set.of("skuId", "disabledPlans");

    private AssignLicenseRequests() {
    }

    static AssignUserLicenses read(String userId, JsonNode body) {
        Map<String, JsonNode> properties = GraphJson.properties(body);
        properties.keySet().stream().filter(name -> !name.equals("addLicenses") && !name.equals("removeLicenses"))
                .sorted().findFirst().ifPresent(name -> {
                    throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_PROPERTY, name);
                });
        JsonNode add = array(properties, "addLicenses");
        JsonNode remove = array(properties, "removeLicenses");
        List<UserLicense> added = new ArrayList<>();
        for (JsonNode item : add) {
            if (!item.isObject()) {
                throw invalid("addLicenses");
            }
            Map<String, JsonNode> license = GraphJson.properties(item);
            if (!LICENSE_PROPERTIES.containsAll(license.keySet()) || license.get("skuId") == null) {
                throw invalid("addLicenses");
            }
            JsonNode plans = license.get("disabledPlans");
            if (plans != null && !plans.isNull() && !plans.isArray()) {
                throw invalid("disabledPlans");
            }
            AssignedLicense checked = checked(() -> new AssignedLicense(text(license.get("skuId"), "skuId"),
                    plans == null || plans.isNull() ? List.of() : texts(plans, "disabledPlans")), "addLicenses");
            added.add(new UserLicense(checked.skuId(), checked.disabledPlans()));
        }
        List<String> removed = texts(remove, "removeLicenses").stream()
                .map(sku -> checked(() -> AssignedLicense.guid("removeLicenses", sku), "removeLicenses"))
                .distinct().toList();
        return new AssignUserLicenses(userId, added, removed);
    }

    private static JsonNode array(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || !value.isArray()) {
            throw invalid(name);
        }
        return value;
    }

    private static List<String> texts(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(text(item, name));
        }
        return values;
    }

    private static String text(JsonNode value, String name) {
        if (value == null || !value.isString()) {
            throw invalid(name);
        }
        return value.asString();
    }

    private static <T> T checked(java.util.function.Supplier<T> read, String name) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    private static DirectoryException invalid(String name) {
        return new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, name, "User");
    }
}
