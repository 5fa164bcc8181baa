package dev.steward.directory.settings.query;

import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.SettingValue;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON text the settings read tables hold. */
final class SettingsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SettingValue>> VALUES = new TypeReference<>() {
    };

    private SettingsJson() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static AuthorizationPolicy policy(String json) {
        return JSON.readValue(json, AuthorizationPolicy.class);
    }

    static List<SettingValue> values(String json) {
        return JSON.readValue(json, VALUES);
    }
}
