package dev.steward.directory.settings.api;

import java.util.List;
import java.util.Objects;

/** A tenant-wide {@code groupSetting}: every value of its template, in the template's order. */
public record GroupSetting(String id, String templateId, String displayName, List<SettingValue> values) {

    public GroupSetting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(templateId, "templateId");
        values = List.copyOf(values);
    }

    /** The value named {@code name}; empty text if the setting has no such value. */
    public String value(String name) {
        return values.stream().filter(value -> value.name().equals(name)).map(SettingValue::value).findFirst()
                .orElse("");
    }
}
